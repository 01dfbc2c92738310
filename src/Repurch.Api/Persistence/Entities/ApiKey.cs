namespace Repurch.Api.Persistence;

public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary>First characters of the key, safe to show in lists.</summary>
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public required string Role { get; set; }
    public required string[] Scopes { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The key that created this one through the API; null when an operator made it.</summary>
    public Guid? CreatedByKeyId { get; set; }
}
