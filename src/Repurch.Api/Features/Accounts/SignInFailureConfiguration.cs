using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("sign_in_failures");
        b.Property(x => x.Bucket).HasMaxLength(32);
        // The throttle's question: the newest failures of one bucket.
        b.HasIndex(x => new { x.BrandId, x.Bucket, x.FailedAt });
        // The sweep of expired failures.
        b.HasIndex(x => new { x.BrandId, x.FailedAt });
    }
}
