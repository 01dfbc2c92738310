namespace Repurch.Api.Persistence;

public sealed class RefreshToken
{
    public Guid Id { get; set; }
    public required string BrandId { get; set; }
    public Guid FamilyId { get; set; }
    public Guid ApiKeyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
