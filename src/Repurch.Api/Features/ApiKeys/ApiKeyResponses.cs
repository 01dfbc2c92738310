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
