using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.ApiKeys;

/// <summary>One API key as partners see it: never the secret, never its hash.</summary>
public sealed record ApiKeyView(
    Guid Id, string? Name, string Prefix, string Role, IReadOnlyList<string> Scopes, string Environment,
    string CreatedAt, string? LastUsedAt, string? RevokedAt, Guid? CreatedBy);

/// <summary>The answer to a create: the key plus its secret, which is shown this once and never stored.</summary>
public sealed record CreatedApiKey(
    Guid Id, string? Name, string Prefix, string Role, IReadOnlyList<string> Scopes, string Environment,
    string CreatedAt, string? LastUsedAt, string? RevokedAt, Guid? CreatedBy, string Secret);

public sealed record ApiKeyList(string BrandId, IReadOnlyList<ApiKeyView> ApiKeys);

public sealed record RevokedApiKey(bool Revoked, Guid Id);

/// <summary>The body of create, for the OpenAPI document (bodies are validated field by field).</summary>
public sealed record ApiKeyWrite(string Name, string Role, IReadOnlyList<string> Scopes, string? Environment);

public static class ApiKeyMapper
{
    public const string Live = "live";
    public const string Sandbox = "sandbox";
    public static readonly string[] Environments = [Live, Sandbox];

    public static string EnvironmentOf(Plane plane) => plane == Plane.Sandbox ? Sandbox : Live;

    public static Plane PlaneOf(string environment) => environment == Sandbox ? Plane.Sandbox : Plane.Live;

    public static ApiKeyView View(ApiKey k, Plane plane) => new(
        k.Id, k.Name, k.Prefix, k.Role, k.Scopes, EnvironmentOf(plane), WireFormat.Timestamp(k.CreatedAt),
        WireFormat.Timestamp(k.LastUsedAt), WireFormat.Timestamp(k.RevokedAt), k.CreatedByKeyId);

    public static CreatedApiKey Created(ApiKey k, Plane plane, string secret) => new(
        k.Id, k.Name, k.Prefix, k.Role, k.Scopes, EnvironmentOf(plane), WireFormat.Timestamp(k.CreatedAt),
        WireFormat.Timestamp(k.LastUsedAt), WireFormat.Timestamp(k.RevokedAt), k.CreatedByKeyId, secret);

}
