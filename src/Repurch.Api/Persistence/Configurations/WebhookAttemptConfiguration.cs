using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repurch.Api.Persistence.Configurations;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.EndpointId).HasMaxLength(40);
        b.Property(x => x.EventId).HasMaxLength(40);
        b.Property(x => x.Error).HasMaxLength(500);
        b.Property(x => x.ResponseBody).HasMaxLength(1000);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.EndpointId, x.Id }).IsDescending(false, false, true);
        b.HasIndex(x => new { x.BrandId, x.DeliveryId });
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
