using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>Who is calling: the brand, data plane, role and scopes taken from the verified credential.</summary>
/// <remarks>
/// For a consumer user token <see cref="KeyId"/> is the storefront key that signed the consumer in,
/// <see cref="AccountId"/> the account and <see cref="SessionId"/> the session (its refresh-token family).
/// </remarks>
public sealed record Caller(string BrandId, Plane Plane, string Role, IReadOnlyList<string> Scopes, Guid KeyId, CredentialKind Kind)
{
    /// <summary>The consumer account's public id (<c>acct_...</c>); set only for consumer tokens.</summary>
    public string? AccountId { get; init; }

    /// <summary>The consumer session (refresh-token family) the token belongs to; set only for consumer tokens.</summary>
    public Guid? SessionId { get; init; }

    public bool HasScope(string scope) => Scopes.Contains(scope);
    public string Environment => Plane == Plane.Sandbox ? "test" : "live";
}
