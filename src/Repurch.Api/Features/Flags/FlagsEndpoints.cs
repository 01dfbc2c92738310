using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Flags;

/// <summary>
/// Per-partner feature flags: a brand reads its own (<c>/v1/partner/features</c>, so its dashboard shows
/// only what is switched on); the platform's operator switches them per brand (<c>/v1/operator/brands/…</c>).
/// A flag is one setting of the brand on both planes: a switch writes live and sandbox.
/// </summary>
public static class FlagsEndpoints
{
    private const int BodyLimit = 4 * 1024;
    private static readonly string[] Fields = ["enabled"];

    public static IEndpointRouteBuilder MapFlags(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/partner/features").WithTags("Feature flags").RequireAuthorization(Policies.PartnerRead)
            .MapGet("/", ListOwn).WithName("ListFeatureFlags").WithSummary("List the brand's feature flags")
            .WithDescription("Every feature flag in the catalogue and whether it is on for the calling brand, by name. New features ship dark: a flag is off until " +
                "the platform turns it on for the brand, and a flag on for one brand says nothing about another. The same on both planes.")
            .WithBrandSession()
            .Errors(CommonErrors.Auth);

        var op = app.MapGroup("/v1/operator/brands/{brand_id}/features").WithTags("Feature flags").RequireAuthorization(Policies.Operator);
        op.MapGet("/", ListForBrand).WithName("ListBrandFeatureFlags").WithSummary("List a brand's feature flags (operator)")
            .WithDescription("The operator key of the platform's own brand: every catalogue flag and its state for the brand `brand_id`.")
            .Errors([.. CommonErrors.Auth, FlagsErrors.BrandNotFound]);
        op.MapPut("/{name}", Set).WithName("SetBrandFeatureFlag").WithSummary("Turn a feature on or off for a brand (operator)")
            .JsonRequest<FeatureFlagWrite>().BodyLimit(BodyLimit)
            .WithDescription("`{\"enabled\": true}` turns the flag on for the brand `brand_id` on both planes, `false` turns it off; setting the state it already has " +
                "changes nothing. Recorded in that brand's audit log (`feature.updated`, with the state before and after). `./run flags set <name> --brand <brand> on|off` does the same.")
            .Errors([.. CommonErrors.Auth, FlagsErrors.BrandNotFound, FlagsErrors.FeatureNotFound,
                CommonErrors.ValidationFailed.DescribedAs("Codes in `data.errors`: `enabled_required`, `enabled_invalid` (not `true` or `false`), `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.InvalidBody, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 4 KB."), CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<Ok<FeatureFlagList>> ListOwn(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var brand = http.Caller().BrandId;
        return TypedResults.Ok(View(brand, await BrandFlags.ListAsync(db, brand, ct)));
    }

    private static async Task<Results<Ok<FeatureFlagList>, ApiErrorResult>> ListForBrand(string brand_id, HttpContext http, DataPlanes planes, CancellationToken ct)
    {
        await using var db = planes.Open(Plane.Live, brand_id);
        if (!await db.Brands.AnyAsync(ct)) return FlagsErrors.BrandNotFound.Result();
        return TypedResults.Ok(View(brand_id, await BrandFlags.ListAsync(db, brand_id, ct)));
    }

    private static async Task<Results<Ok<FeatureFlagView>, ApiErrorResult>> Set(
        string brand_id, string name, HttpContext http, DataPlanes planes, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Feature flag not changed", ["enabled_required"]);
        using var doc = body.Document!;
        var errors = new List<string>();
        var enabled = new FieldReader(body.Root, Fields, errors, creating: true).Bool("enabled");
        if (!enabled.Set && errors.Count == 0) errors.Add("enabled_required");
        if (errors.Count > 0) return Problems.Validation("Feature flag not changed", errors);
        if (!FeatureCatalogue.IsKnown(name)) return FlagsErrors.FeatureNotFound.Result();

        DateTimeOffset now = clock.GetUtcNow();
        foreach (var plane in new[] { Plane.Live, Plane.Sandbox })
        {
            await using var db = planes.Open(plane, brand_id);
            if (!await db.Brands.AnyAsync(ct)) return FlagsErrors.BrandNotFound.Result();
            await using var work = await db.BeginOrJoinTransactionAsync(ct);
            var before = await BrandFlags.SetAsync(db, brand_id, name, enabled.Value, now, ct);
            if (before != enabled.Value)
                await AuditLog.RecordForBrandAsync(db, brand_id, caller, "feature.updated", name,
                    new Dictionary<string, FieldChange> { ["enabled"] = new(Wire(before), Wire(enabled.Value)) }, clock, ct);
            await db.SaveChangesAsync(ct);
            await work.CommitAsync(ct);
        }
        await using var live = planes.Open(Plane.Live, brand_id);
        return TypedResults.Ok(View(brand_id, await BrandFlags.ListAsync(live, brand_id, ct)).Data.Single(f => f.Name == name));
    }

    private static string Wire(bool value) => value ? "on" : "off";

    private static FeatureFlagList View(string brandId, IReadOnlyList<(string Name, bool Enabled, DateTimeOffset? UpdatedAt)> flags) =>
        new(brandId, flags.Select(f => new FeatureFlagView(f.Name, FeatureCatalogue.Descriptions[f.Name], f.Enabled, f.UpdatedAt is { } u ? WireFormat.Timestamp(u) : null)).ToList());
}
