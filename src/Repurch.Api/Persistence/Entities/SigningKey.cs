namespace Repurch.Api.Persistence;

/// <summary>Per-brand HMAC key that signs that brand's access tokens.</summary>
public sealed class SigningKey
{
    public required string Kid { get; set; }
    public required string BrandId { get; set; }
    public required byte[] Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
