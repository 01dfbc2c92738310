using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Audit;

public sealed record AuditEntryView(long Id, string Action, string? TargetId, string? ActorKeyId, string? ActorKeyPrefix, JsonElement Changes, string CreatedAt);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Data, ListMeta Meta);
