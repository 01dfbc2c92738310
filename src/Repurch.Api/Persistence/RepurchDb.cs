using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Persistence;

public sealed class RepurchDb(DbContextOptions<RepurchDb> options) : DbContext(options)
{
    /// <summary>
    /// The brand whose rows this context may see. <see cref="BrandSessionInterceptor"/> writes it
    /// into the connection's <c>app.brand_id</c> setting that the row-level security policies read;
    /// null leaves it unset, so every tenant table reads as empty.
    /// </summary>
    public string? BrandId { get; set; }

    /// <summary>The data plane (database) this context is connected to.</summary>
    public Plane Plane { get; init; }

    /// <summary>
    /// The main marketplace's read path: the session switches to the <c>repurch_marketplace</c> role, so the database's
    /// read-only <c>marketplace_read</c> policy shows other brands' cross-listed active listings.
    /// Set it before the context opens a connection. It grants no writes.
    /// </summary>
    public bool Marketplace { get; set; }

    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Seller> Sellers => Set<Seller>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<BrandProfile> BrandProfiles => Set<BrandProfile>();
    public DbSet<BillingEntity> BillingEntities => Set<BillingEntity>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<BrandTaxonomy> BrandTaxonomies => Set<BrandTaxonomy>();
    public DbSet<CrossListingRule> CrossListingRules => Set<CrossListingRule>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<IdempotencyKeyRecord> IdempotencyKeys => Set<IdempotencyKeyRecord>();
    public DbSet<BulkJob> BulkJobs => Set<BulkJob>();
    public DbSet<BulkJobFile> BulkJobFiles => Set<BulkJobFile>();
    public DbSet<BulkJobRow> BulkJobRows => Set<BulkJobRow>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<RequestUsage> RequestUsage => Set<RequestUsage>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<CreditCode> CreditCodes => Set<CreditCode>();
    public DbSet<CreditRedemption> CreditRedemptions => Set<CreditRedemption>();
    public DbSet<CodeAttemptCounter> CodeAttempts => Set<CodeAttemptCounter>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Brand>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        });
        b.Entity<ApiKey>(e =>
        {
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<SigningKey>(e =>
        {
            e.HasKey(x => x.Kid);
            e.Property(x => x.Kid).HasMaxLength(64);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasIndex(x => x.BrandId);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<RefreshToken>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.BrandId, x.FamilyId });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Seller>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => x.BrandId);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Listing>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.OwnerType).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(20000);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.RegularPrice).HasPrecision(12, 2);
            e.Property(x => x.SalePrice).HasPrecision(12, 2);
            e.Property(x => x.Rrp).HasPrecision(12, 2);
            e.Property(x => x.Condition).HasMaxLength(32);
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.ItemType).HasMaxLength(100);
            e.Property(x => x.Manufacturer).HasMaxLength(100);
            e.Property(x => x.Colour).HasMaxLength(100);
            e.Property(x => x.Fabric).HasMaxLength(100);
            e.Property(x => x.AgeYears).HasMaxLength(100);
            e.Property(x => x.Measurements).HasColumnType("jsonb");
            e.Property(x => x.Sku).HasMaxLength(100);
            e.Property(x => x.WarehouseLocation).HasMaxLength(100);
            e.Property(x => x.Slug).HasMaxLength(250);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
            e.Ignore(x => x.EffectivePrice);
            // The list endpoint reads a brand's live rows newest first.
            e.HasIndex(x => new { x.BrandId, x.CreatedAt, x.Id })
                .HasFilter("deleted_at IS NULL")
                .IsDescending(false, true, true)
                .HasDatabaseName("ix_listings_brand_newest");
            // The default list (one status, newest first) counts and pages from this index alone.
            e.HasIndex(x => new { x.BrandId, x.Status, x.CreatedAt, x.Id })
                .HasFilter("deleted_at IS NULL")
                .IsDescending(false, false, true, true)
                .HasDatabaseName("ix_listings_brand_status_newest");
            e.HasIndex(x => new { x.BrandId, x.Status, x.Channel, x.CreatedAt, x.Id })
                .HasFilter("deleted_at IS NULL")
                .IsDescending(false, false, false, true, true)
                .HasDatabaseName("ix_listings_brand_status_channel_newest");
            // The marketplace feed reads every brand's active listings newest first.
            e.HasIndex(x => new { x.CreatedAt, x.Id })
                .HasFilter("deleted_at IS NULL AND status = 'active'")
                .IsDescending(true, true)
                .HasDatabaseName("ix_listings_marketplace_newest");
            e.HasIndex(x => new { x.BrandId, x.Sku }).HasFilter("sku IS NOT NULL AND deleted_at IS NULL");
            e.HasOne(x => x.Seller).WithMany().HasForeignKey(x => x.SellerId);
            e.HasOne(x => x.Warehouse).WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_listings_owner", "(owner_type = 'brand' AND seller_id IS NULL) OR (owner_type = 'seller' AND seller_id IS NOT NULL)");
                t.HasCheckConstraint("ck_listings_prices", "regular_price >= 0 AND (sale_price IS NULL OR sale_price >= 0) AND (rrp IS NULL OR rrp >= 0)");
                t.HasCheckConstraint("ck_listings_quantity", "quantity >= 0");
            });
        });
        b.Entity<BrandProfile>(e =>
        {
            e.HasKey(x => x.BrandId);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(80);
            e.Property(x => x.Tagline).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(5000);
            e.Property(x => x.SupportEmail).HasMaxLength(254);
            e.Property(x => x.SupportPhone).HasMaxLength(40);
            e.Property(x => x.LogoUrl).HasMaxLength(2048);
            e.Property(x => x.AccentColor).HasMaxLength(7);
            e.HasOne<Brand>().WithOne().HasForeignKey<BrandProfile>(x => x.BrandId);
        });
        b.Entity<BillingEntity>(e =>
        {
            e.HasKey(x => x.BrandId);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.CompanyName).HasMaxLength(200);
            e.Property(x => x.Address1).HasMaxLength(200);
            e.Property(x => x.Address2).HasMaxLength(200);
            e.Property(x => x.City).HasMaxLength(100);
            e.Property(x => x.Postcode).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(100);
            e.Property(x => x.CompanyNumber).HasMaxLength(8);
            e.Property(x => x.VatNumber).HasMaxLength(14);
            e.Property(x => x.InvoiceEmail).HasMaxLength(254);
            e.HasOne<Brand>().WithOne().HasForeignKey<BillingEntity>(x => x.BrandId);
        });
        b.Entity<Warehouse>(e =>
        {
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Label).HasMaxLength(100);
            e.Property(x => x.ContactName).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(254);
            e.Property(x => x.ContactPhone).HasMaxLength(40);
            e.Property(x => x.Address1).HasMaxLength(200);
            e.Property(x => x.Address2).HasMaxLength(200);
            e.Property(x => x.City).HasMaxLength(100);
            e.Property(x => x.Postcode).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(100);
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<BrandTaxonomy>(e =>
        {
            e.HasKey(x => x.BrandId);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasOne<Brand>().WithOne().HasForeignKey<BrandTaxonomy>(x => x.BrandId);
        });
        b.Entity<CrossListingRule>(e =>
        {
            e.HasKey(x => new { x.BrandId, x.Category });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Category).HasMaxLength(100);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.ActorKeyPrefix).HasMaxLength(32);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.TargetId).HasMaxLength(100);
            e.Property(x => x.Changes).HasColumnType("jsonb");
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.Id }).IsDescending(false, true);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<IdempotencyKeyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(x => new { x.BrandId, x.Key });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.Method).HasMaxLength(16);
            e.Property(x => x.ResponseContentType).HasMaxLength(200);
            // Expired keys are swept per brand, oldest first.
            e.HasIndex(x => new { x.BrandId, x.ExpiresAt });
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<BulkJob>(e =>
        {
            e.ToTable("bulk_jobs");
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Mode).HasMaxLength(16);
            e.Property(x => x.Format).HasMaxLength(8);
            e.Property(x => x.Filename).HasMaxLength(255);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.Property(x => x.ErrorCode).HasMaxLength(64);
            e.Property(x => x.ErrorMessage).HasMaxLength(1000);
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            // One job per Idempotency-Key: a retried upload finds the job it already started.
            e.HasIndex(x => new { x.BrandId, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<BulkJobFile>(e =>
        {
            e.ToTable("bulk_job_files");
            e.HasKey(x => x.JobId);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.HasOne<BulkJob>().WithOne().HasForeignKey<BulkJobFile>(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<BulkJobRow>(e =>
        {
            e.ToTable("bulk_job_rows");
            e.HasKey(x => new { x.JobId, x.Row });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Result).HasMaxLength(16);
            e.HasOne<BulkJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<EventRecord>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Seq).UseIdentityAlwaysColumn();
            e.HasAlternateKey(x => x.Seq);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.Data).HasColumnType("jsonb");
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            // GET /v1/events reads newest first, optionally by type; the dispatcher reads what is not fanned out yet.
            e.HasIndex(x => new { x.BrandId, x.Seq }).IsDescending(false, true);
            e.HasIndex(x => new { x.BrandId, x.Type, x.Seq }).IsDescending(false, false, true);
            e.HasIndex(x => new { x.BrandId, x.Seq }).HasFilter("fanned_out_at IS NULL").HasDatabaseName("ix_events_pending_fan_out");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<WebhookEndpoint>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Url).HasMaxLength(2048);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Secret).HasMaxLength(100);
            e.Property(x => x.PreviousSecret).HasMaxLength(100);
            e.Property(x => x.DisabledReason).HasMaxLength(200);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.EndpointId).HasMaxLength(40);
            e.Property(x => x.EventId).HasMaxLength(40);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(500);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.NextAttemptAt }).HasFilter("status = 'pending'").HasDatabaseName("ix_webhook_deliveries_due");
            e.HasIndex(x => new { x.BrandId, x.EndpointId, x.Id }).IsDescending(false, false, true);
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<WebhookAttempt>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.EndpointId).HasMaxLength(40);
            e.Property(x => x.EventId).HasMaxLength(40);
            e.Property(x => x.Error).HasMaxLength(500);
            e.Property(x => x.ResponseBody).HasMaxLength(1000);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.EndpointId, x.Id }).IsDescending(false, false, true);
            e.HasIndex(x => new { x.BrandId, x.DeliveryId });
            e.HasOne<WebhookDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<Attachment>(e =>
        {
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Filename).HasMaxLength(255);
            e.Property(x => x.Mime).HasMaxLength(32);
            e.Property(x => x.StorageKey).HasMaxLength(512);
            e.Property(x => x.MediumKey).HasMaxLength(512);
            e.Property(x => x.LargeKey).HasMaxLength(512);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => new { x.BrandId, x.CreatedAt });
            e.HasIndex(x => x.StorageKey).IsUnique();
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId);
        });
        b.Entity<RequestUsage>(e =>
        {
            e.ToTable("request_usage");
            // The usage report reads a brand's last 24 hours: the key's prefix serves it.
            e.HasKey(x => new { x.BrandId, x.Hour, x.Route });
            e.Property(x => x.BrandId).HasMaxLength(64);
            e.Property(x => x.Route).HasMaxLength(300);
            e.Property(x => x.Errors4xx).HasColumnName("errors_4xx");
            e.Property(x => x.Errors5xx).HasColumnName("errors_5xx");
            e.Property(x => x.LatencyBuckets).HasColumnName("latency_ms_buckets");
            e.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        });
        MoneyModel.Configure(b);
    }
}
