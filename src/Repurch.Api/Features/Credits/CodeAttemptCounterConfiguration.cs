using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Credits;

internal sealed class CodeAttemptCounterConfiguration : IEntityTypeConfiguration<CodeAttemptCounter>
{
    public void Configure(EntityTypeBuilder<CodeAttemptCounter> b)
    {
        b.ToTable("code_attempts");
        b.HasKey(x => new { x.BrandId, x.KeyId });
    }
}
