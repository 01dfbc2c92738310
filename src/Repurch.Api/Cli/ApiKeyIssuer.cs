using Repurch.Api.Auth;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

public static class ApiKeyIssuer
{
    /// <summary>Stores a new key (hashed) for the context's brand and returns the secret, which is never stored.</summary>
    public static async Task<string> CreateAsync(RepurchDb db, string brandId, Plane plane, string role, string[] scopes, string? name, CancellationToken ct = default)
    {
        var key = Secrets.NewApiKey(plane);
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            BrandId = brandId,
            Prefix = Secrets.DisplayPrefix(key),
            SecretHash = Secrets.Hash(key),
            Role = role,
            Scopes = scopes,
            Name = name,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }
}
