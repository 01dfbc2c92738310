using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

/// <summary>The warehouse address book under /v1/partner/settings/warehouses.</summary>
/// <remarks>
/// A brand with any warehouse has exactly one default. The database enforces it (a deferred
/// exclusion constraint and a deferred constraint trigger, both checked at commit); the endpoints
/// keep it by doing every change in one transaction that first locks the brand's row, so
/// concurrent creates, deletes and promotions of one brand run one after another.
/// </remarks>
public static class WarehousesEndpoints
{
    public const string Base = "/v1/partner/settings/warehouses";

    public static IEndpointRouteBuilder MapWarehouses(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Base).WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);

        var conflict = CommonErrors.Conflict.DescribedAs("A concurrent change to this brand's warehouses would have left it without exactly one default; nothing was saved. Retry the request.");
        const string fieldRules =
            "`label` is required (1-100 characters after trimming). Optional text fields: `contact_name` (200), `contact_email` (254, must look like an email address), " +
            "`contact_phone` (40; digits, spaces, `+`, `-`, brackets, with 7-20 digits and balanced brackets, the same rule as `support_phone`), `address_1`/`address_2` (200), `city` (100), `postcode` (a UK postcode, " +
            "stored and returned upper case with one space, e.g. `ng102qq` becomes `NG10 2QQ`), `country` (100, default `United Kingdom`). Strings are trimmed; " +
            "`null` or `\"\"` clears an optional field (and resets `country` to `United Kingdom`); unset optional fields read back as `\"\"`. " +
            "Unknown fields are rejected (`<field>_unknown`) so a typo never silently drops data, a field sent twice is `<field>_duplicate`; a wrong JSON type is `<field>_invalid`. Lengths count characters.";
        var createInvalid = CommonErrors.ValidationFailed.DescribedAs("Field-level reasons listed as codes in `data.errors`: `label_required`, `label_too_long`, `contact_email_invalid`, `postcode_invalid`, `is_default_invalid` (not a boolean), `<field>_invalid`, `<field>_too_long`, `<field>_unknown`, `<field>_duplicate`.");
        var updateInvalid = createInvalid.DescribedAs(
            createInvalid.Description + " `is_default_invalid` also when `is_default` is `false` on the current default: a brand keeps exactly one default, so promote another warehouse instead.");

        read.MapGet("/", List).WithName("ListWarehouses").WithSummary("List warehouses")
            .WithDescription("The brand's warehouse address book, oldest first (creation order). Exactly one warehouse is the default while the brand has any; new listings inherit its address unless overridden. A brand with no warehouses gets an empty list.")
            .Errors(CommonErrors.Auth);
        read.MapGet("/{id:guid}", Get).WithName("GetWarehouse").WithSummary("Retrieve a warehouse")
            .WithDescription("One warehouse, in the same shape as the list. Another brand's warehouse is `404`, never `403`.")
            .Errors([.. CommonErrors.Auth, SettingsErrors.WarehouseNotFound]);
        write.MapPost("/", Create).WithName("CreateWarehouse").WithSummary("Create a warehouse")
            .Accepts<WarehouseWrite>("application/json")
            .WithDescription("Adds a warehouse to the address book and returns it with `201` and a `Location` header. The brand's first warehouse always becomes the default, even if the body says `\"is_default\": false`. `\"is_default\": true` makes the new warehouse the default and demotes the previous one in the same transaction. " + fieldRules + " Bodies are capped at 256 KB.")
            .Errors([.. CommonErrors.Auth, createInvalid, CommonErrors.InvalidJson, conflict, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPatch("/{id:guid}", Update).WithName("UpdateWarehouse").WithSummary("Update a warehouse")
            .Accepts<WarehouseWrite>("application/json")
            .WithDescription("Partial update: send only the fields to change (any field from create). `\"is_default\": true` promotes this warehouse and demotes the previous default; `\"is_default\": false` is accepted on a warehouse that is not the default (no change) and rejected with `is_default_invalid` on the default, because a brand must always keep one default: promote another warehouse instead. The whole update is rejected if any field is invalid. " + fieldRules)
            .Errors([.. CommonErrors.Auth, SettingsErrors.WarehouseNotFound, updateInvalid, CommonErrors.NoFields, CommonErrors.InvalidJson, conflict, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapDelete("/{id:guid}", Delete).WithName("DeleteWarehouse").WithSummary("Delete a warehouse")
            .WithDescription("Removes the warehouse. If it was the default, the oldest remaining warehouse becomes the default in the same transaction; deleting the last warehouse leaves the brand with none. Listings that referenced the deleted warehouse are unlinked from it (their warehouse reference becomes null).")
            .Errors([.. CommonErrors.Auth, SettingsErrors.WarehouseNotFound, conflict]);
        write.MapPost("/{id:guid}/set-default", SetDefault).WithName("SetDefaultWarehouse").WithSummary("Promote a warehouse to default")
            .WithDescription("Makes the warehouse the default and demotes the previous one, atomically, and returns the brand's whole address book (`id`, `label`, `is_default`), oldest first. Promoting the current default changes nothing and succeeds. Concurrent promotions of one brand are applied one after another, so the last one wins and exactly one default remains. No request body.")
            .Errors([.. CommonErrors.Auth, SettingsErrors.WarehouseNotFound, conflict]);

        // Ids that are not UUIDs name no warehouse: answer like any other unknown id.
        read.MapGet("/{id}", () => WarehouseProblems.NotFound()).ExcludeFromDescription();
        write.MapMethods("/{id}", ["PATCH", "DELETE"], () => WarehouseProblems.NotFound()).ExcludeFromDescription();
        write.MapPost("/{id}/set-default", () => WarehouseProblems.NotFound()).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<WarehouseList>> List(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var caller = http.Caller();
        var rows = await Ordered(db, caller).ToListAsync(ct);
        return TypedResults.Ok(new WarehouseList(caller.BrandId, rows.Select(WarehouseMapper.View).ToList()));
    }

    private static async Task<Results<Ok<WarehouseEnvelope>, ApiErrorResult>> Get(Guid id, RepurchDb db, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warehouse is null) return WarehouseProblems.NotFound();
        return TypedResults.Ok(new WarehouseEnvelope(WarehouseMapper.View(warehouse)));
    }

    private static async Task<Results<Created<WarehouseEnvelope>, ApiErrorResult>> Create(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Warehouse could not be created", ["label_required"]);
        using var doc = body.Document!;
        var errors = WarehouseInput.Parse(body.Root, creating: true, out var changes);
        if (errors.Count > 0) return Problems.Validation("Warehouse could not be created", errors);

        return await InBrandTransaction<Created<WarehouseEnvelope>>(db, caller, async () =>
        {
            var now = clock.GetUtcNow();
            var existing = await Ordered(db, caller).AsTracking().ToListAsync(ct);
            var warehouse = new Warehouse
            {
                Id = Guid.CreateVersion7(now), BrandId = caller.BrandId, Label = "", CreatedAt = now, UpdatedAt = now,
            };
            WarehouseInput.Apply(changes, warehouse);
            db.Warehouses.Add(warehouse);

            var previous = existing.FirstOrDefault(w => w.IsDefault);
            // The first warehouse is the default whatever the body says; otherwise only on request.
            if (previous is null || changes.IsDefault == true) Promote(warehouse, previous, now);

            var created = AuditLog.Diff(new Dictionary<string, object?>(), WarehouseMapper.Snapshot(warehouse));
            created["is_default"] = new FieldChange(null, warehouse.IsDefault);
            await AuditLog.RecordAsync(db, caller, "warehouse.created", warehouse.Id.ToString(), created, clock, ct);
            if (warehouse.IsDefault) await RecordDefaultChangeAsync(db, caller, previous, warehouse, clock, ct);

            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"{Base}/{warehouse.Id}", new WarehouseEnvelope(WarehouseMapper.View(warehouse)));
        }, ct);
    }

    private static async Task<Results<Ok<WarehouseEnvelope>, ApiErrorResult>> Update(Guid id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;

        return await InBrandTransaction<Ok<WarehouseEnvelope>>(db, caller, async () =>
        {
            var all = await Ordered(db, caller).AsTracking().ToListAsync(ct);
            var warehouse = all.FirstOrDefault(w => w.Id == id);
            if (warehouse is null) return WarehouseProblems.NotFound();
            if (body.Empty || !body.Root.EnumerateObject().Any())
                return Problems.NoFields();

            var errors = WarehouseInput.Parse(body.Root, creating: false, out var changes);
            if (changes.IsDefault == false && warehouse.IsDefault) errors.Add("is_default_invalid");
            if (errors.Count > 0) return Problems.Validation("Update rejected", errors);

            var now = clock.GetUtcNow();
            var before = WarehouseMapper.Snapshot(warehouse);
            WarehouseInput.Apply(changes, warehouse);
            var diff = AuditLog.Diff(before, WarehouseMapper.Snapshot(warehouse));
            if (diff.Count > 0)
            {
                warehouse.UpdatedAt = now;
                await AuditLog.RecordAsync(db, caller, "warehouse.updated", warehouse.Id.ToString(), diff, clock, ct);
            }
            if (changes.IsDefault == true && !warehouse.IsDefault)
            {
                var previous = all.FirstOrDefault(w => w.IsDefault);
                Promote(warehouse, previous, now);
                await RecordDefaultChangeAsync(db, caller, previous, warehouse, clock, ct);
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new WarehouseEnvelope(WarehouseMapper.View(warehouse)));
        }, ct);
    }

    private static async Task<Results<Ok<WarehouseDeleted>, ApiErrorResult>> Delete(Guid id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        return await InBrandTransaction<Ok<WarehouseDeleted>>(db, caller, async () =>
        {
            var all = await Ordered(db, caller).AsTracking().ToListAsync(ct);
            var warehouse = all.FirstOrDefault(w => w.Id == id);
            if (warehouse is null) return WarehouseProblems.NotFound();

            db.Warehouses.Remove(warehouse);
            var removed = WarehouseMapper.Snapshot(warehouse)
                .Where(f => f.Value is not null)
                .ToDictionary(f => f.Key, f => new FieldChange(f.Value, null), StringComparer.Ordinal);
            removed["is_default"] = new FieldChange(warehouse.IsDefault, null);
            await AuditLog.RecordAsync(db, caller, "warehouse.deleted", warehouse.Id.ToString(), removed, clock, ct);

            if (warehouse.IsDefault)
            {
                // The oldest remaining warehouse inherits the default; with none left the brand has none.
                var successor = all.FirstOrDefault(w => w.Id != id);
                if (successor is not null) Promote(successor, null, clock.GetUtcNow());
                await RecordDefaultChangeAsync(db, caller, warehouse, successor, clock, ct);
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new WarehouseDeleted(true));
        }, ct);
    }

    private static async Task<Results<Ok<WarehouseSummaryList>, ApiErrorResult>> SetDefault(Guid id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        return await InBrandTransaction<Ok<WarehouseSummaryList>>(db, caller, async () =>
        {
            var all = await Ordered(db, caller).AsTracking().ToListAsync(ct);
            var warehouse = all.FirstOrDefault(w => w.Id == id);
            if (warehouse is null) return WarehouseProblems.NotFound();

            if (!warehouse.IsDefault)
            {
                var previous = all.FirstOrDefault(w => w.IsDefault);
                Promote(warehouse, previous, clock.GetUtcNow());
                await RecordDefaultChangeAsync(db, caller, previous, warehouse, clock, ct);
                await db.SaveChangesAsync(ct);
            }
            return TypedResults.Ok(new WarehouseSummaryList(all.Select(WarehouseMapper.Summary).ToList()));
        }, ct);
    }

    private static IQueryable<Warehouse> Ordered(RepurchDb db, Caller caller) =>
        db.Warehouses.Where(w => w.BrandId == caller.BrandId).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id);

    private static void Promote(Warehouse next, Warehouse? previous, DateTimeOffset now)
    {
        if (previous is not null && previous != next)
        {
            previous.IsDefault = false;
            previous.UpdatedAt = now;
        }
        next.IsDefault = true;
        next.UpdatedAt = now;
    }

    private static Task RecordDefaultChangeAsync(RepurchDb db, Caller caller, Warehouse? from, Warehouse? to, TimeProvider clock, CancellationToken ct) =>
        AuditLog.RecordAsync(db, caller, "warehouse.default_changed", to?.Id.ToString() ?? from?.Id.ToString(),
            new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            {
                ["default_warehouse_id"] = new(from?.Id.ToString(), to?.Id.ToString()),
            }, clock, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that first locks the brand's row, so the
    /// brand's warehouse changes are serialised. Commits only when the work succeeded; a violation
    /// of the one-default constraints (checked at commit) or a deadlock becomes <c>409 conflict</c>.
    /// </summary>
    private static async Task<Results<T, ApiErrorResult>> InBrandTransaction<T>(
        RepurchDb db, Caller caller, Func<Task<Results<T, ApiErrorResult>>> work, CancellationToken ct) where T : IResult
    {
        try
        {
            await using var tx = await db.BeginOrJoinTransactionAsync(ct);
            await Locks.LockBrandAsync(db, ct);
            var result = await work();
            if (result.Result is not ApiErrorResult) await tx.CommitAsync(ct);
            return result;
        }
        catch (Exception e) when (WarehouseProblems.IsConflict(e))
        {
            return WarehouseProblems.Conflict();
        }
    }
}
