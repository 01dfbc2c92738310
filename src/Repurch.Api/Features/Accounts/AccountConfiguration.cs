using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(EmailAddresses.MaxLength);
        b.Property(x => x.DisplayName).HasMaxLength(AccountInput.MaxDisplayName);
        b.Property(x => x.PasswordHash).HasMaxLength(512);
        // Unique per brand: the same email under another brand is another person.
        b.HasIndex(x => new { x.BrandId, x.Email }).IsUnique();
    }
}
