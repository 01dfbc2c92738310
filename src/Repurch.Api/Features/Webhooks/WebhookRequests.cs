namespace Repurch.Api.Features.Webhooks;

public sealed record ReplayOneRequest(string? EndpointId);

public sealed record ReplaySinceRequest(string Since, string? Until, IReadOnlyList<string>? Types, string? EndpointId);

/// <summary>The body of create and update, for the OpenAPI document.</summary>
public sealed record WebhookEndpointWrite(string Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled, bool? Ordered);
