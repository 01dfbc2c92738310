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

    /// <summary>
    /// Opens the connection for the rest of this context's life, so the brand session (set on open by
    /// <see cref="BrandSessionInterceptor"/>) is set once for every query that follows rather than once
    /// per query. The context closes it when disposed (the request's context: at the request's end).
    /// Call it after a long wait such as reading a body, not before, so a slow client holds no connection.
    /// </summary>
    public Task OpenBrandSessionAsync(CancellationToken ct) => Database.OpenConnectionAsync(ct);

    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Seller> Sellers => Set<Seller>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<BrandProfile> BrandProfiles => Set<BrandProfile>();
    public DbSet<BillingEntity> BillingEntities => Set<BillingEntity>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<BrandDomain> BrandDomains => Set<BrandDomain>();
    public DbSet<BrandFeatureFlag> BrandFeatureFlags => Set<BrandFeatureFlag>();
    public DbSet<BrandTaxonomy> BrandTaxonomies => Set<BrandTaxonomy>();
    public DbSet<CrossListingRule> CrossListingRules => Set<CrossListingRule>();
    public DbSet<BrandTrustPolicy> TrustPolicies => Set<BrandTrustPolicy>();
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
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<DisputeMessage> DisputeMessages => Set<DisputeMessage>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        // Each entity's mapping lives in an IEntityTypeConfiguration beside the feature (or plumbing) that owns it.
        b.ApplyConfigurationsFromAssembly(typeof(RepurchDb).Assembly);
        b.ApplyTenantKey();
    }
}
