using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Repurch.Api.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RepurchDb>
{
    public RepurchDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RepurchDb>()
            .UseNpgsql("Host=localhost;Database=design")
            .UseSnakeCaseNamingConvention();
        return new RepurchDb(options.Options);
    }
}
