using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Audit;

public static class AuditLog
{
    /// <summary>
    /// Adds an entry, and the matching webhook event, to the context; both are written by the same
    /// SaveChanges (and so the same transaction) as the change they describe. Never pass secrets in
    /// <paramref name="changes"/>.
    /// </summary>
    /// <param name="emitEvent">False when the caller emits its own event (or none, e.g. a refused credit code guess).</param>
    public static async Task RecordAsync(RepurchDb db, Caller caller, string action, string? targetId, IReadOnlyDictionary<string, FieldChange> changes, TimeProvider clock, CancellationToken ct, bool emitEvent = true)
    {
        // The key's display prefix (never the secret) lets an admin recognise who acted.
        var prefix = await db.ApiKeys.Where(k => k.Id == caller.KeyId).Select(k => k.Prefix).FirstOrDefaultAsync(ct);
        db.AuditLog.Add(new AuditEntry
        {
            BrandId = caller.BrandId,
            ActorKeyId = caller.KeyId,
            ActorKeyPrefix = prefix,
            Action = action,
            TargetId = targetId,
            Changes = JsonSerializer.Serialize(changes, Http.Json.Options),
            CreatedAt = clock.GetUtcNow(),
        });
        // Every audited change is also an event for the brand's webhooks, in the same transaction.
        if (emitEvent) Repurch.Api.EventDelivery.Outbox.Emit(db, caller.BrandId, action, new AuditedChange(targetId, changes), clock);
    }

    /// <summary>
    /// An entry in <paramref name="brandId"/>'s log, written by a context of that brand: for a caller acting
    /// on a brand other than its own (the platform operator) or for no caller at all (a provider's webhook).
    /// Emits no event; the caller emits its own.
    /// </summary>
    public static async Task RecordForBrandAsync(RepurchDb db, string brandId, Caller? caller, string action, string? targetId, IReadOnlyDictionary<string, FieldChange> changes, TimeProvider clock, CancellationToken ct)
    {
        // Another brand's key is not visible here: its prefix is then unknown, its id still names it.
        var prefix = caller is null ? null : await db.ApiKeys.Where(k => k.Id == caller.KeyId).Select(k => k.Prefix).FirstOrDefaultAsync(ct);
        db.AuditLog.Add(new AuditEntry
        {
            BrandId = brandId,
            ActorKeyId = caller?.KeyId,
            ActorKeyPrefix = prefix,
            Action = action,
            TargetId = targetId,
            Changes = JsonSerializer.Serialize(changes, Http.Json.Options),
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>
    /// An entry no key made: a decision the platform took by itself (the message screener holding or
    /// blocking a message). No actor, and no webhook event (the feature emits its own, if any).
    /// </summary>
    public static void RecordAutomatic(RepurchDb db, string brandId, string action, string? targetId, IReadOnlyDictionary<string, FieldChange> changes, TimeProvider clock) =>
        db.AuditLog.Add(new AuditEntry
        {
            BrandId = brandId,
            Action = action,
            TargetId = targetId,
            Changes = JsonSerializer.Serialize(changes, Http.Json.Options),
            CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>The fields whose values differ between two snapshots, as field: {from, to}.</summary>
    public static Dictionary<string, FieldChange> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var (field, to) in after)
        {
            before.TryGetValue(field, out var from);
            if (!Equals(from, to) && !(from is System.Collections.IEnumerable fe && to is System.Collections.IEnumerable te && from is not string && fe.Cast<object?>().SequenceEqual(te.Cast<object?>())))
                changes[field] = new FieldChange(from, to);
        }
        return changes;
    }

    public static IEndpointRouteBuilder MapAuditLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/partner/audit-log", List).WithBrandSession().WithTags("Settings").RequireAuthorization(Policies.PartnerRead)
            .WithName("ListAuditLog").WithSummary("List the audit log")
            .WithDescription("Every change to the brand's settings, warehouses, taxonomy, cross-listing rules and API keys, and every moderation verdict (the message screener's automatic `message.held` / `message.blocked` with no key, a moderator's `message.approved` / `message.rejected` and `listing.review_approved` / `listing.review_rejected`, each with the reasons and validator version; message text is never copied here), newest first: which key made it (none for the screener), what changed (`{field: {from, to}}`, secrets never included) and when. Append-only.")
            .Query("page", Microsoft.OpenApi.JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", Microsoft.OpenApi.JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Paging.TryParse(page, per_page, out var pageNo, out var perPage, out var error)) return error!;
        var rows = await Paging.ReadPageAsync(db.AuditLog.OrderByDescending(a => a.Id), pageNo, perPage, http, ct);
        var data = rows.Items.Select(a => new AuditEntryView(a.Id, a.Action, a.TargetId, a.ActorKeyId?.ToString(), a.ActorKeyPrefix,
            JsonDocument.Parse(a.Changes).RootElement.Clone(), WireFormat.Timestamp(a.CreatedAt))).ToList();
        return TypedResults.Ok(new AuditPage(data, rows.Meta(caller.BrandId)));
    }
}
