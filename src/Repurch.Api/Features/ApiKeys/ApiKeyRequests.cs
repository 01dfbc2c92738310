namespace Repurch.Api.Features.ApiKeys;

/// <summary>The body of create, for the OpenAPI document (bodies are validated field by field).</summary>
public sealed record ApiKeyWrite(string Name, string Role, IReadOnlyList<string> Scopes, string? Environment);
