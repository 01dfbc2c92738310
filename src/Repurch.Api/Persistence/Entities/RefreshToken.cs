namespace Repurch.Api.Persistence;

public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    public Guid FamilyId { get; set; }
    /// <summary>The key the session was opened with (for a consumer: the storefront key).</summary>
    public Guid ApiKeyId { get; set; }
    /// <summary>The consumer account of a user session; null for a partner key's session.</summary>
    public string? AccountId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
