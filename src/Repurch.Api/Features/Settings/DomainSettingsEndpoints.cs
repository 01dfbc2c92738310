using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Settings;

/// <summary>
/// /v1/partner/settings/domains: the brand's own host names for its storefronts. A domain is added
/// pending with a TXT record to publish, and counts once verify finds that record in DNS.
/// </summary>
public static class DomainSettingsEndpoints
{
    public const int MaxDomains = 20;
    private const string Base = "/v1/partner/settings/domains";
    private static readonly string[] Fields = ["host", "storefront"];

    public static IEndpointRouteBuilder MapDomainSettings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Base).WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);
        var notFound = SettingsErrors.DomainNotFound;

        read.MapGet("/", List).WithName("ListDomains").WithSummary("List the brand's storefront domains")
            .WithDescription($"Every host the brand has added (at most {MaxDomains}), oldest first, with its storefront, whether it is verified, and the TXT record that verifies it.")
            .Errors(CommonErrors.Auth);
        write.MapPost("/", Create).WithName("CreateDomain").WithSummary("Add a storefront domain")
            .Accepts<DomainCreate>("application/json")
            .WithDescription("Adds a host name for one of the brand's storefronts (`exchange` for trade-ins, `clearance` for clearance stock), pending until verified. " +
                "Publish the returned `verification` record (a TXT record at `_repurch-challenge.<host>` whose value is `repurch-verify=<token>`), then call verify. " +
                "`host` is a plain DNS name of at least two labels, at most 253 characters: no scheme, port, path, wildcard or IP address; it is stored lower-case " +
                "with a trailing dot removed and international names in Punycode (`möbel.example` becomes `xn--mbel-jua.example`). The platform's own names " +
                "(`repurch.com`, `sofalistic.co.uk`, `localhost` and names under them) are `host_reserved`. Adding a host does not claim it: another brand may add " +
                "the same host, and whichever verifies it first owns it.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("Codes in `data.errors`: `host_required`, `host_invalid`, `host_reserved`, `storefront_required`, " +
                    "`storefront_invalid`, `<field>_unknown`, `<field>_duplicate`."),
                SettingsErrors.DomainExists, SettingsErrors.TooManyDomains,
                CommonErrors.InvalidJson, CommonErrors.InvalidBody, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/{host}/verify", Verify).WithName("VerifyDomain").WithSummary("Verify a storefront domain")
            .WithDescription("Looks up the host's `_repurch-challenge` TXT records now (no cache) and marks the domain verified when one of them is the domain's " +
                "verification value; the storefront then answers on the host. Verifying a verified domain returns it unchanged. The record may be removed once verified.")
            .Errors([.. CommonErrors.Auth, notFound, SettingsErrors.DomainUnverified, SettingsErrors.DomainTaken]);
        write.MapDelete("/{host}", Delete).WithName("DeleteDomain").WithSummary("Remove a storefront domain")
            .WithDescription("Removes the host: the storefront stops answering on it at once, and another brand may verify it.")
            .Errors([.. CommonErrors.Auth, notFound]);
        return app;
    }

    private static async Task<Ok<DomainList>> List(RepurchDb db, CancellationToken ct)
    {
        var domains = await db.BrandDomains.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(new DomainList(domains.Select(View).ToList()));
    }

    private static async Task<Results<Created<DomainView>, ApiErrorResult>> Create(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Domain could not be added", ["host_required", "storefront_required"]);
        using var doc = body.Document!;

        var errors = new List<string>();
        var fields = new FieldReader(body.Root, Fields, errors, creating: true);
        string? host = null;
        if (fields.Text("host", HostNames.MaxLength * 4, FieldPresence.Required) is { Set: true, Value: { } raw })
        {
            host = HostNames.Normalise(raw);
            if (host is null) errors.Add("host_invalid");
            else if (HostNames.IsReserved(host)) errors.Add("host_reserved");
        }
        var storefront = fields.OneOf("storefront", PlatformTaxonomy.Channels, FieldPresence.Required);
        if (errors.Count > 0) return Problems.Validation("Domain could not be added", errors);

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        // Serialise a brand's adds so the cap and the duplicate check hold under concurrency.
        await Locks.LockBrandAsync(db, ct);
        if (await db.BrandDomains.AnyAsync(d => d.Host == host, ct)) return SettingsErrors.DomainExists.Result();
        if (await db.BrandDomains.CountAsync(ct) >= MaxDomains) return SettingsErrors.TooManyDomains.Result();

        var domain = new BrandDomain
        {
            BrandId = caller.BrandId, Host = host!, Storefront = storefront.Value!,
            VerificationToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), CreatedAt = clock.GetUtcNow(),
        };
        db.BrandDomains.Add(domain);
        await AuditLog.RecordAsync(db, caller, "settings.domain.created", domain.Host,
            AuditLog.Diff(new Dictionary<string, object?>(), new Dictionary<string, object?> { ["host"] = domain.Host, ["storefront"] = domain.Storefront }), clock, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"{Base}/{domain.Host}", View(domain));
    }

    private static async Task<Results<Ok<DomainView>, ApiErrorResult>> Verify(
        string host, HttpContext http, RepurchDb db, IDomainTxtLookup dns, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var domain = await FindAsync(db, host, ct);
        if (domain is null) return SettingsErrors.DomainNotFound.Result();
        if (domain.VerifiedAt is not null) return TypedResults.Ok(View(domain));

        var expected = Value(domain);
        var records = await dns.TxtAsync(HostNames.ChallengeName(domain.Host), ct);
        if (!records.Any(r => r.Trim() == expected))
            return SettingsErrors.DomainUnverified.Result($"No TXT record at {HostNames.ChallengeName(domain.Host)} has the value {expected} yet; DNS changes can take a while to be seen, so try again later.");

        domain.VerifiedAt = clock.GetUtcNow();
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        await AuditLog.RecordAsync(db, caller, "settings.domain.verified", domain.Host,
            new Dictionary<string, FieldChange> { ["status"] = new("pending", "verified") }, clock, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SettingsErrors.DomainTaken.Result();
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(View(domain));
    }

    private static async Task<Results<Ok<DeletedDomain>, ApiErrorResult>> Delete(string host, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var domain = await FindAsync(db, host, ct);
        if (domain is null) return SettingsErrors.DomainNotFound.Result();
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        db.BrandDomains.Remove(domain);
        await AuditLog.RecordAsync(db, caller, "settings.domain.deleted", domain.Host,
            AuditLog.Diff(new Dictionary<string, object?> { ["host"] = domain.Host, ["storefront"] = domain.Storefront }, new Dictionary<string, object?>()), clock, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new DeletedDomain(true, domain.Host));
    }

    /// <summary>The brand's domain for a host as written in a URL (any case, a trailing dot, Unicode); null when it has none.</summary>
    private static async Task<BrandDomain?> FindAsync(RepurchDb db, string raw, CancellationToken ct)
    {
        var host = HostNames.Normalise(raw);
        return host is null ? null : await db.BrandDomains.AsTracking().FirstOrDefaultAsync(d => d.Host == host, ct);
    }

    private static string Value(BrandDomain d) => "repurch-verify=" + d.VerificationToken;

    private static DomainView View(BrandDomain d) => new(
        d.Host, d.Storefront, d.VerifiedAt is null ? "pending" : "verified",
        new DomainVerificationRecord("TXT", HostNames.ChallengeName(d.Host), Value(d)),
        d.VerifiedAt is { } v ? WireFormat.Timestamp(v) : null, WireFormat.Timestamp(d.CreatedAt));
}
