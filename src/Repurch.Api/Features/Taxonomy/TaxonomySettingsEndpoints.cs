using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Taxonomy;

/// <summary>Per-brand option lists and cross-listing rules under /v1/partner/settings/taxonomy and /cross-listing.</summary>
public static partial class TaxonomySettingsEndpoints
{
    public const int MaxItems = 200;
    public const int MaxValueLength = 100;
    public const string TaxonomyUpdated = "settings.taxonomy.updated";
    public const string CrossListingUpdated = "settings.cross_listing.updated";

    private static readonly string[] CrossListingFields = ["categories"];

    public static IEndpointRouteBuilder MapTaxonomySettings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);

        read.MapGet("/taxonomy", GetTaxonomy).WithName("GetTaxonomySettings").WithSummary("Retrieve the brand's taxonomy")
            .WithDescription("The option lists this brand's listings are validated against (`GET /v1/listings/options` returns the same lists together with the platform-wide item types, conditions, exposures and faults). `customized` names the lists the brand overrides; every other list is the platform default and follows it when the platform changes.")
            .Errors(CommonErrors.Auth);
        write.MapPatch("/taxonomy", PatchTaxonomy).WithName("UpdateTaxonomySettings").WithSummary("Update the brand's taxonomy")
            .Accepts<TaxonomyPatch>("application/json")
            .WithDescription("""
                Each of `brands`, `colours`, `fabrics`, `ages` and `categories` may be sent in one of three forms; omitted lists are unchanged.

                - an array: the full replacement list, in display order (1 to 200 values);
                - `{"add": [...], "remove": [...]}`: applied to the current effective list (the brand's own or the default). Removals happen first, additions are appended in the order given; adding a value already in the list changes nothing, removing a value that is not in the list is rejected so a typo never silently does nothing;
                - `null`: go back to the platform default.

                Values are trimmed, must be non-blank, at most 100 characters, and unique ignoring case. A list may never become empty. Invalid lists are reported as `<list>_invalid`, unknown keys as `<key>_unknown` and a list sent twice as `<list>_duplicate`; nothing is saved unless every list is valid. A change that leaves a list as it is changes nothing (a default list stays the default).

                Existing listings keep their values when a value is removed; the removal applies to new listings and to updates that send that field. Cross-listing rules of a removed category are kept, so that category's existing listings keep their marketplace visibility and re-adding it restores the rule. Changes are recorded in the audit log as `settings.taxonomy.updated`.
                """)
            .AddOpenApiOperationTransformer((_, context, _) =>
            {
                // A record cannot say "an array, an add/remove object or null": write the real schema over the generated one.
                if (context.Document?.Components?.Schemas is { } schemas)
                {
                    schemas[nameof(TaxonomyPatch)] = TaxonomyDocs.PatchSchema(context.Document);
                    schemas[nameof(TaxonomyListChange)] = TaxonomyDocs.ListChangeSchema();
                }
                return Task.CompletedTask;
            })
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("Reasons listed as codes in `data.errors`: `<list>_invalid` (e.g. `categories_invalid`), `<key>_unknown`, `<list>_duplicate`."),
                CommonErrors.NoFields, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);

        read.MapGet("/cross-listing", GetCrossListing).WithBrandSession().WithName("GetCrossListingSettings").WithSummary("Retrieve the cross-listing rules")
            .WithDescription("Whether the brand's active listings in each of its categories also appear on the main marketplace. `default` is the contractual default (listed) for every category without a rule. Every category of the brand's effective taxonomy is listed, in taxonomy order. The database enforces the rules: the marketplace reads listings through its own read-only row-level security policy, which asks these rules.")
            .Errors(CommonErrors.Auth);
        write.MapPatch("/cross-listing", PatchCrossListing).WithName("UpdateCrossListingSettings").WithSummary("Update the cross-listing rules")
            .Accepts<CrossListingPatch>("application/json")
            .WithDescription("`{\"categories\": {\"Armchairs\": false, \"Sofa Beds\": true}}` sets the rule of each category named; others are unchanged. A category must be one of the brand's categories (`category_invalid`; names are exact, as in `GET /v1/listings/options`), named once (`category_duplicate`) and each value a boolean (`categories_invalid`). Takes effect on the marketplace immediately. Changes are recorded in the audit log as `settings.cross_listing.updated`, with `categories: {from, to}` listing only the rules that changed. Returns the full rules.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("Reasons listed as codes in `data.errors`: `categories_invalid`, `category_invalid`, `category_duplicate` (a category named twice), `<key>_unknown`, `categories_duplicate`."),
                CommonErrors.NoFields, CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<Ok<TaxonomySettings>> GetTaxonomy(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var brandId = http.Caller().BrandId;
        var row = await db.BrandTaxonomies.FirstOrDefaultAsync(t => t.BrandId == brandId, ct);
        return TypedResults.Ok(View(brandId, row));
    }

    private static async Task<Results<Ok<TaxonomySettings>, ApiErrorResult>> PatchTaxonomy(
        HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        if (body.Empty || !body.Root.EnumerateObject().Any()) return NoFields();

        var sent = new FieldReader(body.Root, BrandOptions.Lists);
        var errors = sent.Errors;

        await using var tx = await LockAsync(db, caller.BrandId, ct);
        var row = await db.BrandTaxonomies.AsTracking().FirstOrDefaultAsync(t => t.BrandId == caller.BrandId, ct);

        var updates = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var list in BrandOptions.Lists)
        {
            if (!sent.TryGet(list, out var value)) continue;
            var stored = BrandOptions.Stored(row, list);
            var current = BrandOptions.Effective(row, list);
            string[]? next;
            if (value.ValueKind == JsonValueKind.Null) next = null;
            else if (Change(value, current) is { } changed) next = changed;
            else { errors.Add($"{list}_invalid"); continue; }

            // Sending what the brand already has changes nothing: a default list stays the default.
            if (stored is null && next is not null && next.SequenceEqual(current, StringComparer.Ordinal)) next = null;
            if (!SameList(stored, next)) updates[list] = next;
        }
        if (errors.Count > 0) return Problems.Validation("Taxonomy update rejected", errors);

        if (updates.Count > 0)
        {
            var now = clock.GetUtcNow();
            if (row is null)
            {
                row = new BrandTaxonomy { BrandId = caller.BrandId, UpdatedAt = now };
                db.BrandTaxonomies.Add(row);
            }
            var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
            foreach (var (list, next) in updates)
            {
                changes[list] = new FieldChange(BrandOptions.Stored(row, list), next);
                BrandOptions.Store(row, list, next);
            }
            row.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, TaxonomyUpdated, null, changes, clock, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(View(caller.BrandId, row));
    }

    private static async Task<Ok<CrossListingSettings>> GetCrossListing(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var brandId = http.Caller().BrandId;
        var options = await BrandOptions.LoadAsync(db, ct);
        var rules = await db.CrossListingRules.Where(r => r.BrandId == brandId).ToListAsync(ct);
        return TypedResults.Ok(View(brandId, options.Categories, rules));
    }

    private static async Task<Results<Ok<CrossListingSettings>, ApiErrorResult>> PatchCrossListing(
        HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        if (body.Empty || !body.Root.EnumerateObject().Any()) return NoFields();

        var fields = new FieldReader(body.Root, CrossListingFields);
        var errors = fields.Errors;
        JsonElement? categories = fields.TryGet("categories", out var sentCategories) ? sentCategories : null;
        if (categories is { ValueKind: JsonValueKind.Object } obj && !obj.EnumerateObject().Any() && errors.Count == 0) return NoFields();

        await using var tx = await LockAsync(db, caller.BrandId, ct);
        var brandCategories = (await BrandOptions.LoadAsync(db, ct)).Categories;
        var wanted = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (categories is { } c)
        {
            if (c.ValueKind != JsonValueKind.Object) errors.Add("categories_invalid");
            else
            {
                foreach (var p in c.EnumerateObject())
                {
                    if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) AddOnce(errors, "categories_invalid");
                    else if (!brandCategories.Contains(p.Name, StringComparer.Ordinal)) AddOnce(errors, "category_invalid");
                    // Names are data, never echoed: a category named twice is one code for the whole object.
                    else if (!wanted.TryAdd(p.Name, p.Value.GetBoolean())) AddOnce(errors, "category_duplicate");
                }
            }
        }
        if (errors.Count > 0) return Problems.Validation("Cross-listing update rejected", errors);

        var rules = await db.CrossListingRules.AsTracking().Where(r => r.BrandId == caller.BrandId).ToListAsync(ct);
        List<CrossListingCategory> from = [], to = [];
        var now = clock.GetUtcNow();
        foreach (var (category, onMarketplace) in wanted)
        {
            var rule = rules.FirstOrDefault(r => r.Category == category);
            var before = rule?.OnMarketplace ?? true;
            if (rule is null)
            {
                // An explicit rule is stored even when it matches the default: the brand chose it.
                rule = new CrossListingRule { BrandId = caller.BrandId, Category = category, OnMarketplace = onMarketplace, UpdatedAt = now };
                db.CrossListingRules.Add(rule);
                rules.Add(rule);
            }
            else if (rule.OnMarketplace != onMarketplace)
            {
                rule.OnMarketplace = onMarketplace;
                rule.UpdatedAt = now;
            }
            if (before == onMarketplace) continue;
            from.Add(new CrossListingCategory(category, before));
            to.Add(new CrossListingCategory(category, onMarketplace));
        }
        // Category names are data, not field names: they go in values so the log's key casing never touches them.
        if (to.Count > 0)
        {
            var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal) { ["categories"] = new FieldChange(from, to) };
            await AuditLog.RecordAsync(db, caller, CrossListingUpdated, null, changes, clock, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(caller.BrandId, brandCategories, rules));
    }

    /// <summary>
    /// Serialises taxonomy and cross-listing changes of one brand, so an add/remove is applied to
    /// the list as it is, and a rule is checked against the categories as they are.
    /// </summary>
    private static async Task<WorkScope> LockAsync(RepurchDb db, string brandId, CancellationToken ct)
    {
        var tx = await db.BeginOrJoinTransactionAsync(ct);
        await Locks.LockAdvisoryAsync(db, "taxonomy", brandId, ct);
        return tx;
    }

    /// <summary>The new list for a full array or an add/remove object; null when the value is invalid.</summary>
    private static string[]? Change(JsonElement value, IReadOnlyList<string> current)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var values = Values(value);
            return values is { Count: >= 1 and <= MaxItems } ? [.. values] : null;
        }
        if (value.ValueKind != JsonValueKind.Object) return null;

        List<string>? add = null, remove = null;
        foreach (var p in value.EnumerateObject())
        {
            switch (p.Name)
            {
                case "add" when add is null: add = Values(p.Value); if (add is null) return null; break;
                case "remove" when remove is null: remove = Values(p.Value); if (remove is null) return null; break;
                default: return null;
            }
        }
        if (add is null && remove is null) return null;

        var result = current.ToList();
        foreach (var r in remove ?? [])
        {
            if (!result.Remove(r)) return null;
        }
        foreach (var a in add ?? [])
        {
            if (result.Contains(a, StringComparer.Ordinal)) continue;
            if (result.Contains(a, StringComparer.OrdinalIgnoreCase)) return null;
            result.Add(a);
        }
        return result.Count is >= 1 and <= MaxItems ? [.. result] : null;
    }

    /// <summary>An array of at most 200 trimmed, non-blank strings of up to 100 characters, unique ignoring case.</summary>
    private static List<string>? Values(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > MaxItems) return null;
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            var s = item.GetString()!.Trim();
            if (s.Length == 0 || FieldFormats.Length(s) > MaxValueLength || s.Any(char.IsControl) || !seen.Add(s)) return null;
            values.Add(s);
        }
        return values;
    }

    private static bool SameList(string[]? a, string[]? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);

    private static TaxonomySettings View(string brandId, BrandTaxonomy? row)
    {
        var o = BrandOptions.Effective(row);
        var customized = BrandOptions.Lists.Where(l => BrandOptions.Stored(row, l) is not null).ToList();
        return new TaxonomySettings(brandId, new TaxonomyLists(o.Brands, o.Colours, o.Fabrics, o.Ages, o.Categories), customized);
    }

    private static CrossListingSettings View(string brandId, IReadOnlyList<string> categories, IReadOnlyList<CrossListingRule> rules)
    {
        var byCategory = rules.ToDictionary(r => r.Category, r => r.OnMarketplace, StringComparer.Ordinal);
        return new CrossListingSettings(brandId, true,
            categories.Select(c => new CrossListingCategory(c, byCategory.GetValueOrDefault(c, true))).ToList());
    }

    private static ApiErrorResult NoFields() =>
        Problems.NoFields();

    private static void AddOnce(List<string> errors, string code)
    {
        if (!errors.Contains(code)) errors.Add(code);
    }

}
