namespace Repurch.Api.Persistence;

/// <summary>
/// One failed consumer sign-in, counted against a bucket (the account's email, or the client: the
/// storefront key and the end user's address). Kept in PostgreSQL so every node counts the same
/// failures; the bucket is a hash, so neither an email nor an address is stored here.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }
    public required string BrandId { get; set; }
    /// <summary>SHA-256 of the bucket's name (<c>account</c> + normalised email, or <c>client</c> + key + address).</summary>
    public required byte[] Bucket { get; set; }
    public DateTimeOffset FailedAt { get; set; }
}
