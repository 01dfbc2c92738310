namespace Repurch.Api.Persistence;

/// <summary>
/// A stored answer to a mutation sent with an <c>Idempotency-Key</c>, per brand (the plane is the
/// database). Written in the same transaction as the change it answers; see <c>IdempotencyMiddleware</c>.
/// </summary>
public sealed class IdempotencyKeyRecord
{
    public string BrandId { get; set; } = "";
    /// <summary>SHA-256 (hex) of the Idempotency-Key; the key itself is never stored.</summary>
    public string Key { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    /// <summary>SHA-256 of method, path and body.</summary>
    public byte[] RequestHash { get; set; } = [];
    public int ResponseStatus { get; set; }
    /// <summary>The response body sealed with AES-GCM under a key derived from the Idempotency-Key.</summary>
    public byte[] ResponseBody { get; set; } = [];
    public string? ResponseContentType { get; set; }
    public string? ResponseLocation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
