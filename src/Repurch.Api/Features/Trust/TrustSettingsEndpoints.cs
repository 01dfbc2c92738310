using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

/// <summary><c>/v1/partner/settings/trust</c>: the brand's allowed domains and whether each screening reason holds or blocks.</summary>
public static class TrustSettingsEndpoints
{
    public const int MaxDomains = 50;
    public const string TrustUpdated = "settings.trust.updated";

    private static readonly string[] Fields = ["allowed_domains", "actions"];
    private static readonly string[] Actions = [ScreeningVerdicts.Hold, ScreeningVerdicts.Block];

    public static IEndpointRouteBuilder MapTrustSettings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);

        read.MapGet("/trust", Get).WithBrandSession().WithName("GetTrustSettings").WithSummary("Retrieve the brand's trust policy")
            .WithDescription("The policy every screening of this brand runs under (conversation messages, dispute evidence, consumer trade-ins, listing " +
                "titles and descriptions, `POST /v1/trust/screen`). `allowed_domains`: domains (and their subdomains) that messages may link to " +
                "besides the platform's own (`platform_domains`); a link elsewhere is `suspicious_link`, and a lookalike of an allowed domain's " +
                "name is too. `actions`: for each reason, `hold` (a person in your moderation queue decides) or `block` (never delivered). " +
                "The default holds `contact_details` and `suspicious_link` and blocks `off_platform_payment`, `payment_scam` and " +
                "`credential_request`; `customized` lists the reasons you set yourself. A change applies to the next screening on every node.")
            .Errors(CommonErrors.Auth);
        write.MapPatch("/trust", Patch).WithName("UpdateTrustSettings").WithSummary("Update the brand's trust policy")
            .Accepts<TrustSettingsPatch>("application/json")
            .WithDescription("Partial update; returns the whole policy. `allowed_domains`: the full replacement list (`[]` or `null` clears it), " +
                $"at most {MaxDomains} plain domain names (no scheme, path, port, wildcard or IP address; international names are stored in " +
                "their ASCII form, lower case; duplicates are kept once). `actions`: an object of reason to `hold` or `block`; reasons not " +
                "named keep their setting, and `null` for a reason (or for the whole object) goes back to the default. Every change is " +
                $"recorded in the audit log as `{TrustUpdated}`. Nothing is saved unless the whole body is valid.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("Codes in `data.errors`: `allowed_domains_invalid` (not an array of strings, or more than " +
                    $"{MaxDomains}), `allowed_domain_invalid` (an entry is not a plain domain name), `actions_invalid` (not an object), " +
                    "`actions_<reason>_invalid` (not `hold`, `block` or `null`), `actions_<key>_unknown` (not a reason code), `<field>_unknown`, " +
                    "`<field>_duplicate`."),
                CommonErrors.NoFields, CommonErrors.InvalidJson, CommonErrors.InvalidBody, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<Ok<TrustSettings>> Get(HttpContext http, RepurchDb db, IOptions<TrustOptions> options, CancellationToken ct)
    {
        var brandId = http.Caller().BrandId;
        var row = await db.TrustPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.BrandId == brandId, ct);
        return TypedResults.Ok(View(brandId, row, options.Value));
    }

    private static async Task<Results<Ok<TrustSettings>, ApiErrorResult>> Patch(
        HttpContext http, RepurchDb db, IOptions<TrustOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        if (body.Empty || !body.Root.EnumerateObject().Any()) return Problems.NoFields();

        var r = new FieldReader(body.Root, Fields);
        string[]? domains = null;
        if (r.TryGet("allowed_domains", out var list)) domains = Domains(list, r);
        Dictionary<string, ScreeningVerdict?>? actionChanges = null;
        var resetActions = false;
        if (r.IsNull("actions")) resetActions = true;
        else if (r.Nested("actions", ScreeningReasons.All) is { } reasons) actionChanges = ActionChanges(reasons);
        if (r.Errors.Count > 0) return Problems.Validation("Trust policy update rejected", r.Errors);

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await Locks.LockAdvisoryAsync(db, "trust_policy", caller.BrandId, ct);
        var row = await db.TrustPolicies.AsTracking().FirstOrDefaultAsync(p => p.BrandId == caller.BrandId, ct);
        var beforeDomains = row?.AllowedDomains ?? [];
        var beforeActions = row is null ? [] : TrustPolicies.ReadActions(row.Actions);

        var nextDomains = domains ?? beforeDomains;
        var nextActions = resetActions ? [] : new Dictionary<string, ScreeningVerdict>(beforeActions, StringComparer.Ordinal);
        foreach (var (reason, action) in actionChanges ?? [])
        {
            if (action is { } a) nextActions[reason] = a;
            else nextActions.Remove(reason);
        }

        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        if (!nextDomains.SequenceEqual(beforeDomains, StringComparer.Ordinal)) changes["allowed_domains"] = new FieldChange(beforeDomains, nextDomains);
        foreach (var reason in ScreeningReasons.All)
        {
            var from = beforeActions.TryGetValue(reason, out var f) ? f.Wire() : null;
            var to = nextActions.TryGetValue(reason, out var t) ? t.Wire() : null;
            if (from != to) changes[$"actions.{reason}"] = new FieldChange(from, to);
        }

        if (changes.Count > 0)
        {
            var now = clock.GetUtcNow();
            if (row is null)
            {
                row = new BrandTrustPolicy { BrandId = caller.BrandId };
                db.TrustPolicies.Add(row);
            }
            row.AllowedDomains = nextDomains;
            row.Actions = TrustPolicies.WriteActions(nextActions);
            row.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, TrustUpdated, null, changes, clock, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(caller.BrandId, row, options.Value));
    }

    /// <summary>The normalised, de-duplicated list; null (with a code) when any entry is wrong.</summary>
    private static string[]? Domains(JsonElement list, FieldReader r)
    {
        if (list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxDomains)
        {
            r.Add("allowed_domains_invalid");
            return null;
        }
        var domains = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                r.Add("allowed_domains_invalid");
                return null;
            }
            // The shared body reader has already refused control characters and unpaired surrogates.
            var domain = DomainNames.Normalise(item.GetString()!);
            if (domain is null)
            {
                r.Add("allowed_domain_invalid");
                return null;
            }
            if (!domains.Contains(domain)) domains.Add(domain);
        }
        return [.. domains];
    }

    private static Dictionary<string, ScreeningVerdict?> ActionChanges(FieldReader reasons)
    {
        var changes = new Dictionary<string, ScreeningVerdict?>(StringComparer.Ordinal);
        foreach (var reason in ScreeningReasons.All)
        {
            if (reasons.IsNull(reason)) changes[reason] = null;
            else if (reasons.OneOf(reason, Actions) is { Set: true, Value: { } a }) changes[reason] = a == ScreeningVerdicts.Block ? ScreeningVerdict.Block : ScreeningVerdict.Hold;
        }
        return changes;
    }

    private static TrustSettings View(string brandId, BrandTrustPolicy? row, TrustOptions options)
    {
        var policy = row is null ? TrustPolicy.Default : TrustPolicies.Of(row);
        var own = row is null ? [] : TrustPolicies.ReadActions(row.Actions);
        return new TrustSettings(
            brandId,
            [.. policy.AllowedDomains],
            ScreeningReasons.All.ToDictionary(r => r, r => policy.ActionFor(r).Wire()),
            [.. ScreeningReasons.All.Where(own.ContainsKey)],
            options.Platform,
            MessageScreener.Version,
            row?.UpdatedAt is { } at ? WireFormat.Timestamp(at) : null);
    }
}
