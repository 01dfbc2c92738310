using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Webhooks;

/// <summary>The brand's event log under /v1/events, and replay of events to its webhook endpoints.</summary>
public static class EventsEndpoints
{
    public const int MaxReplayEvents = 10_000;

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/events").WithTags("Webhooks").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/events").WithTags("Webhooks").RequireAuthorization(Policies.PartnerWrite);
        var replayInvalid = CommonErrors.ValidationFailed.DescribedAs("Reasons in `data.errors`: `endpoint_id_invalid` (unknown endpoint), `endpoint_disabled`, `endpoint_not_subscribed` (the endpoint's `event_types` exclude the event), " +
            "`since_required` (also for `null` or blank), `since_invalid`, `until_invalid`, `types_invalid`, `<field>_unknown`, `<field>_duplicate`.");

        read.MapGet("/", List).WithBrandSession().WithName("ListEvents").WithSummary("List events")
            .WithDescription("Everything that happened to the brand's data, newest first, kept for at least 30 days. The payload delivered to webhooks is exactly " +
                "one of these objects: `{id, type, created_at, brand_id, livemode, data: {object}}`. `livemode` is false on the sandbox plane.")
            .Query("type", JsonSchemaType.String, "Only events of this type (e.g. `listing.created`).", values: WebhookEventTypes.Known)
            .Query("created_after", JsonSchemaType.String, "ISO 8601 timestamp: only events created at or after it.")
            .Query("created_before", JsonSchemaType.String, "ISO 8601 timestamp: only events created before it.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter]);
        read.MapGet("/{id}", Get).WithName("GetEvent").WithSummary("Retrieve an event")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EventNotFound]);
        write.MapPost("/{id}/replay", ReplayOne).WithName("ReplayEvent").WithSummary("Re-deliver an event")
            .JsonRequest<ReplayOneRequest>()
            .WithDescription("Queues the event again for every enabled endpoint subscribed to its type, or only for `endpoint_id`. The body is optional. " +
                "Answers `202` with how many deliveries were queued; each shows in the endpoint's deliveries with `reason: replay`. The payload and `webhook-id` are " +
                "the original's, so a receiver that de-duplicates by id treats it as a repeat.")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EventNotFound, replayInvalid, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/replay", ReplaySince).WithName("ReplayEvents").WithSummary("Re-deliver every event since a time")
            .JsonRequest<ReplaySinceRequest>()
            .WithDescription("Queues every event created at or after `since` (and before `until`, if given; optionally only `types`) again, oldest first, for every " +
                "enabled subscribed endpoint or only `endpoint_id`: the recovery after a receiver outage. At most 10,000 events per call " +
                "(`replay_too_large`: narrow the window). Answers `202` with the counts.")
            .Errors([.. CommonErrors.Auth, replayInvalid, WebhookErrors.ReplayTooLarge, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<Results<Ok<EventPage>, ApiErrorResult>> List(
        HttpContext http, RepurchDb db, string? type, string? created_after, string? created_before, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        if (type is not null && !WebhookEventTypes.Known.Contains(type))
            return Problems.InvalidParameter("type", "type_invalid", "type must be a known event type.");
        DateTimeOffset after = default, before = default;
        if (created_after is not null && !TryTime(created_after, out after))
            return Problems.InvalidParameter("created_after", "created_after_invalid", "created_after must be an ISO 8601 timestamp.");
        if (created_before is not null && !TryTime(created_before, out before))
            return Problems.InvalidParameter("created_before", "created_before_invalid", "created_before must be an ISO 8601 timestamp.");

        var query = db.Events.AsQueryable();
        if (type is not null) query = query.Where(e => e.Type == type);
        if (created_after is not null) query = query.Where(e => e.CreatedAt >= after);
        if (created_before is not null) query = query.Where(e => e.CreatedAt < before);
        var rows = await Paging.ReadPageAsync(query.OrderByDescending(e => e.Seq), pageNo, perPage, http, ct);
        return TypedResults.Ok(new EventPage(rows.Items.Select(e => WebhookMapper.Event(e, db.Plane)).ToList(), rows.Meta(caller.BrandId)));
    }

    private static async Task<Results<Ok<EventView>, ApiErrorResult>> Get(string id, RepurchDb db, CancellationToken ct)
    {
        var evt = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        return evt is null ? EventNotFound() : TypedResults.Ok(WebhookMapper.Event(evt, db.Plane));
    }

    private static async Task<Results<Accepted<ReplayResult>, ApiErrorResult>> ReplayOne(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        string? endpointId = null;
        var errors = new List<string>();
        if (!body.Empty) endpointId = EndpointId(new FieldReader(body.Root, ReplayOneFields, errors));
        await db.OpenBrandSessionAsync(ct);
        var evt = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evt is null) return EventNotFound();
        if (errors.Count > 0) return Problems.Validation("Replay rejected", errors);
        var (endpoints, endpointError) = await TargetsAsync(db, endpointId, ct);
        if (endpointError is not null) return Problems.Validation("Replay rejected", [endpointError]);
        if (endpointId is not null && !WebhookEventTypes.Matches(endpoints[0].EventTypes, evt.Type))
            return Problems.Validation("Replay rejected", ["endpoint_not_subscribed"]);
        var queued = Queue(db, [evt], endpoints, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted((string?)null, new ReplayResult(1, queued));
    }

    private static async Task<Results<Accepted<ReplayResult>, ApiErrorResult>> ReplaySince(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Replay rejected", ["since_required"]);
        using var doc = body.Document!;
        DateTimeOffset? since = null, until = null;
        string[]? types = null;
        var r = new FieldReader(body.Root, ReplaySinceFields, creating: true);
        var errors = r.Errors;
        if (r.TryValue<DateTimeOffset>("since", FieldPresence.Required, out var v, out _))
        {
            if (v.ValueKind == JsonValueKind.String && TryTime(v.GetString()!, out var s)) since = s; else r.Add("since_invalid");
        }
        if (r.TryValue<DateTimeOffset>("until", FieldPresence.Optional, out v, out _))
        {
            if (v.ValueKind == JsonValueKind.String && TryTime(v.GetString()!, out var u)) until = u; else r.Add("until_invalid");
        }
        if (r.TryValue<string[]>("types", FieldPresence.NotNull, out v, out _))
        {
            if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
                && v.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && WebhookEventTypes.Known.Contains(t.GetString())))
                types = v.EnumerateArray().Select(t => t.GetString()!).ToArray();
            else r.Add("types_invalid");
        }
        var endpointId = EndpointId(r);
        if (errors.Count > 0) return Problems.Validation("Replay rejected", errors);

        await db.OpenBrandSessionAsync(ct);
        var (endpoints, endpointError) = await TargetsAsync(db, endpointId, ct);
        if (endpointError is not null) return Problems.Validation("Replay rejected", [endpointError]);
        var query = db.Events.Where(e => e.CreatedAt >= since!.Value);
        if (until is { } end) query = query.Where(e => e.CreatedAt < end);
        if (types is not null) query = query.Where(e => types.Contains(e.Type));
        var events = await query.OrderBy(e => e.Seq).Take(MaxReplayEvents + 1).ToListAsync(ct);
        if (events.Count > MaxReplayEvents)
            return WebhookErrors.ReplayTooLarge.Result();
        var queued = Queue(db, events, endpoints, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted((string?)null, new ReplayResult(events.Count, queued));
    }

    private static readonly string[] ReplayOneFields = ["endpoint_id"];
    private static readonly string[] ReplaySinceFields = ["since", "until", "types", "endpoint_id"];

    /// <summary>An endpoint id (at most 40 characters); left out means every enabled endpoint, so null is not one.</summary>
    private static string? EndpointId(FieldReader r) => r.Text("endpoint_id", 40, FieldPresence.NotNull).Value;

    /// <summary>The endpoints a replay goes to: the named one, or every enabled one.</summary>
    private static async Task<(List<WebhookEndpoint> Endpoints, string? Error)> TargetsAsync(RepurchDb db, string? endpointId, CancellationToken ct)
    {
        if (endpointId is null) return (await db.WebhookEndpoints.Where(e => e.Enabled).ToListAsync(ct), null);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null) return ([], "endpoint_id_invalid");
        return endpoint.Enabled ? ([endpoint], null) : ([], "endpoint_disabled");
    }

    private static int Queue(RepurchDb db, IEnumerable<EventRecord> events, List<WebhookEndpoint> endpoints, DateTimeOffset now)
    {
        var count = 0;
        foreach (var evt in events)
        {
            foreach (var endpoint in endpoints.Where(e => WebhookEventTypes.Matches(e.EventTypes, evt.Type)))
            {
                db.WebhookDeliveries.Add(WebhookDispatcher.NewDelivery(evt, endpoint.Id, "replay", now));
                count++;
            }
        }
        return count;
    }

    private static bool TryTime(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static ApiErrorResult EventNotFound() => WebhookErrors.EventNotFound.Result();
}
