using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Webhooks;

public sealed record ReplayOneRequest(string? EndpointId);

public sealed record ReplaySinceRequest(string Since, string? Until, IReadOnlyList<string>? Types, string? EndpointId);

/// <summary>The body of create and update, for the OpenAPI document.</summary>
public sealed record WebhookEndpointWrite(string Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled, bool? Ordered);
