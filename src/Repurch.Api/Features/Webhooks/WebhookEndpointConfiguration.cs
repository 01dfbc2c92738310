using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.Url).HasMaxLength(2048);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Secret).HasMaxLength(100);
        b.Property(x => x.PreviousSecret).HasMaxLength(100);
        b.Property(x => x.DisabledReason).HasMaxLength(200);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.BrandId, x.CreatedAt });
    }
}
