using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Audit;

public sealed record AuditEntryView(long Id, string Action, string? TargetId, string? ActorKeyId, string? ActorKeyPrefix, JsonElement Changes, string CreatedAt);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Data, ListMeta Meta);
