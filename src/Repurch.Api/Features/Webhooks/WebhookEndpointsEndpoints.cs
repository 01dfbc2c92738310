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

/// <summary>A brand's webhook endpoints under /v1/webhooks/endpoints: where its events are delivered.</summary>
public static class WebhookEndpointsEndpoints
{
    public const string Base = "/v1/webhooks/endpoints";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Webhooks").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Base).WithTags("Webhooks").RequireAuthorization(Policies.PartnerWrite);

        var invalid = CommonErrors.ValidationFailed.DescribedAs("Field-level reasons in `data.errors`: `url_required`, `url_invalid` (not an absolute http(s) URL, or has credentials or a fragment), " +
            "`url_insecure` (plain http: only https is accepted, except for hosts in the operator's allow-list), `url_forbidden_host` " +
            "(localhost, a private, loopback, link-local or metadata address), `event_types_invalid` (not a non-empty list of known types or `*`), " +
            "`description_too_long`, `enabled_invalid`, `ordered_invalid`, `<field>_unknown`, `<field>_duplicate`.");
        const string fields =
            "`url` (required on create; https, at most 2048 characters; checked again against private addresses after DNS resolution at every delivery), " +
            "`description` (optional, at most 500 characters), `event_types` (default `[\"*\"]`, every type; see the `Webhooks` tag for the list), " +
            "`enabled` (default true; setting it to true re-enables an endpoint the platform disabled), `ordered` (default false: when true, events are " +
            "delivered one at a time in the order they happened, and a failing event holds back later ones until it succeeds or is given up).";

        read.MapGet("/", List).WithName("ListWebhookEndpoints").WithSummary("List webhook endpoints")
            .WithDescription("The brand's endpoints, oldest first. Secrets are never shown here.")
            .Errors(CommonErrors.Auth);
        read.MapGet("/{id}", Get).WithName("GetWebhookEndpoint").WithSummary("Retrieve a webhook endpoint")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EndpointNotFound]);
        write.MapPost("/", Create).WithName("CreateWebhookEndpoint").WithSummary("Create a webhook endpoint")
            .JsonRequest<WebhookEndpointWrite>()
            .WithDescription("Returns `201` with the endpoint and its signing `secret` (`whsec_…`), shown only here and on rotation: store it. " + fields +
                " Deliveries carry Standard Webhooks headers: `webhook-id` (the event id), `webhook-timestamp` (Unix seconds) and `webhook-signature` " +
                "(`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\" keyed with the base64-decoded part of the secret after `whsec_`>`; " +
                "during a rotation two signatures, space-separated). A 2xx answer within 10 s is success; anything else is retried with exponential " +
                "backoff (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h: about three days). An endpoint whose deliveries have all failed for three days " +
                "is disabled and the brand receives `webhook_endpoint.disabled`.")
            .Errors([.. CommonErrors.Auth, invalid, WebhookErrors.TooManyEndpoints, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPatch("/{id}", Update).WithName("UpdateWebhookEndpoint").WithSummary("Update a webhook endpoint")
            .JsonRequest<WebhookEndpointWrite>()
            .WithDescription("Partial update of " + fields + " The whole update is rejected if any field is invalid.")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EndpointNotFound, invalid, CommonErrors.NoFields, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapDelete("/{id}", Delete).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint")
            .WithDescription("Removes the endpoint with its pending deliveries and delivery history. Events stay in `GET /v1/events`.")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EndpointNotFound]);
        write.MapPost("/{id}/rotate-secret", Rotate).WithName("RotateWebhookSecret").WithSummary("Rotate an endpoint's signing secret")
            .WithDescription("Issues a new `secret` (shown once, in this answer). For the next 24 hours deliveries are signed with both the new and the previous secret " +
                "(two `v1,` signatures in `webhook-signature`), so the receiver can switch without dropping events; `previous_secret_expires_at` says until when. " +
                "Rotating again within the 24 hours retires the older previous secret at once. No request body.")
            .Errors([.. CommonErrors.Auth, WebhookErrors.EndpointNotFound]);
        read.MapGet("/{id}/deliveries", Deliveries).WithBrandSession().WithName("ListWebhookDeliveries").WithSummary("List an endpoint's deliveries")
            .WithDescription("Newest first. Each delivery is one event sent (or to be sent) to this endpoint: `status` is `pending`, `succeeded` or `failed` (retries " +
                "exhausted); `reason` is `event` or `replay`; `attempts` lists every try with the receiver's `status_code` (null when no answer), `latency_ms`, " +
                "`error` and the first 1,000 characters of its answer.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Query("status", JsonSchemaType.String, "Only deliveries in this status.", values: ["pending", "succeeded", "failed"])
            .Errors([.. CommonErrors.Auth, WebhookErrors.EndpointNotFound, CommonErrors.InvalidParameter]);
        return app;
    }

    private static async Task<Ok<WebhookEndpointList>> List(RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await db.WebhookEndpoints.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new WebhookEndpointList(rows.Select(e => WebhookMapper.View(e, now)).ToList()));
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ApiErrorResult>> Get(string id, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        return endpoint is null ? WebhookErrors.EndpointNotFound.Result() : TypedResults.Ok(WebhookMapper.View(endpoint, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<WebhookEndpointWithSecret>, ApiErrorResult>> Create(
        HttpContext http, RepurchDb db, WebhookUrlGuard guard, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Webhook endpoint could not be created", ["url_required"]);
        using var doc = body.Document!;
        var errors = WebhookInput.Parse(body.Root, creating: true, guard, out var changes);
        if (errors.Count > 0) return Problems.Validation("Webhook endpoint could not be created", errors);

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        // Serialise a brand's creates so the cap holds under concurrency.
        await Locks.LockBrandAsync(db, ct);
        if (await db.WebhookEndpoints.CountAsync(ct) >= options.Value.MaxEndpointsPerBrand)
            return WebhookErrors.TooManyEndpoints.Result($"A brand has at most {options.Value.MaxEndpointsPerBrand} webhook endpoints; delete one first.");

        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            Id = PublicIds.New("we_", 20), BrandId = caller.BrandId, Url = changes.Url!, Description = changes.Description,
            EventTypes = changes.EventTypes ?? [WebhookEventTypes.All], Enabled = changes.Enabled ?? true, Ordered = changes.Ordered ?? false,
            Secret = WebhookSigner.NewSecret(), CreatedAt = now, UpdatedAt = now,
        };
        db.WebhookEndpoints.Add(endpoint);
        await AuditLog.RecordAsync(db, caller, "webhook_endpoint.created", endpoint.Id,
            AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(endpoint)), clock, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"{Base}/{endpoint.Id}", WebhookMapper.WithSecret(endpoint, now));
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ApiErrorResult>> Update(
        string id, HttpContext http, RepurchDb db, WebhookUrlGuard guard, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        var endpoint = await db.WebhookEndpoints.AsTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound.Result();
        if (body.Empty || !body.Root.EnumerateObject().Any()) return Problems.NoFields();
        var errors = WebhookInput.Parse(body.Root, creating: false, guard, out var changes);
        if (errors.Count > 0) return Problems.Validation("Update rejected", errors);

        var before = Snapshot(endpoint);
        var now = clock.GetUtcNow();
        if (changes.Url is { } url) endpoint.Url = url;
        if (changes.HasDescription) endpoint.Description = changes.Description;
        if (changes.EventTypes is { } types) endpoint.EventTypes = types;
        if (changes.Ordered is { } ordered) endpoint.Ordered = ordered;
        if (changes.Enabled is { } enabled)
        {
            // Re-enabling starts a fresh failure window.
            if (enabled && !endpoint.Enabled)
            {
                endpoint.DisabledReason = null;
                endpoint.FailingSince = null;
            }
            endpoint.Enabled = enabled;
        }
        var diff = AuditLog.Diff(before, Snapshot(endpoint));
        if (diff.Count > 0)
        {
            endpoint.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, "webhook_endpoint.updated", endpoint.Id, diff, clock, ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(WebhookMapper.View(endpoint, now));
    }

    private static async Task<Results<Ok<DeletedWebhookEndpoint>, ApiErrorResult>> Delete(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var endpoint = await db.WebhookEndpoints.AsTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound.Result();
        db.WebhookEndpoints.Remove(endpoint);
        await AuditLog.RecordAsync(db, caller, "webhook_endpoint.deleted", endpoint.Id,
            AuditLog.Diff(Snapshot(endpoint), new Dictionary<string, object?>()), clock, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DeletedWebhookEndpoint(true, endpoint.Id));
    }

    private static async Task<Results<Ok<WebhookEndpointWithSecret>, ApiErrorResult>> Rotate(
        string id, HttpContext http, RepurchDb db, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var endpoint = await db.WebhookEndpoints.AsTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound.Result();
        var now = clock.GetUtcNow();
        endpoint.PreviousSecret = endpoint.Secret;
        endpoint.PreviousSecretExpiresAt = now + options.Value.PreviousSecretLifetime;
        endpoint.Secret = WebhookSigner.NewSecret();
        endpoint.UpdatedAt = now;
        await AuditLog.RecordAsync(db, caller, "webhook_endpoint.secret_rotated", endpoint.Id,
            new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            {
                ["previous_secret_expires_at"] = new(null, WireFormat.Timestamp(endpoint.PreviousSecretExpiresAt.Value)),
            }, clock, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookMapper.WithSecret(endpoint, now));
    }

    private static async Task<Results<Ok<WebhookDeliveryPage>, ApiErrorResult>> Deliveries(
        string id, HttpContext http, RepurchDb db, TimeProvider clock, string? page, string? per_page, string? status, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var pagingError)) return pagingError!;
        if (status is not (null or "pending" or "succeeded" or "failed"))
            return Problems.InvalidParameter("status", "status_invalid", "status must be pending, succeeded or failed.");
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct)) return WebhookErrors.EndpointNotFound.Result();

        var query = db.WebhookDeliveries.Where(d => d.EndpointId == id);
        if (status is not null) query = query.Where(d => d.Status == status);
        var read = await Paging.ReadPageAsync(query.OrderByDescending(d => d.Id), pageNo, perPage, http, ct);
        var data = await WebhookMapper.DeliveriesAsync(db, read.Items, ct);
        return TypedResults.Ok(new WebhookDeliveryPage(data, read.Meta(caller.BrandId)));
    }

    private static Dictionary<string, object?> Snapshot(WebhookEndpoint e) => new(StringComparer.Ordinal)
    {
        ["url"] = e.Url, ["description"] = e.Description, ["event_types"] = e.EventTypes, ["enabled"] = e.Enabled, ["ordered"] = e.Ordered,
    };
}
