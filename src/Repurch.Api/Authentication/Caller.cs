using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>Who is calling: the brand, data plane, role and scopes taken from the verified credential.</summary>
public sealed record Caller(string BrandId, Plane Plane, string Role, IReadOnlyList<string> Scopes, Guid KeyId, CredentialKind Kind)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);
    public string Environment => Plane == Plane.Sandbox ? "test" : "live";
}
