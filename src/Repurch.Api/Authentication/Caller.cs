using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>Who is calling: the brand, data plane, role and scopes taken from the verified credential.</summary>
public sealed record Caller(string BrandId, Plane Plane, string Role, IReadOnlyList<string> Scopes, Guid KeyId, CredentialKind Kind)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);
    public string Environment => Plane == Plane.Sandbox ? "test" : "live";
}

public enum CredentialKind { ApiKey, AccessToken }

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    /// <summary>A storefront server acting for the marketplace (orders, credits).</summary>
    public const string Marketplace = "marketplace";
    public static readonly string[] All = [Admin, Member, Marketplace];
}

public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public static readonly string[] All = [Read, Write];
}

public static class CallerHttpContextExtensions
{
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("Endpoint is not authenticated.");
}
