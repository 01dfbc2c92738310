using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Settings;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Marketplace;

/// <summary>
/// GET /v1/marketplace/domains/{host}: which brand's storefront a verified custom host serves, for the web
/// tier that answers every host. The <c>marketplace_read</c> policy on brand_domains admits verified rows only.
/// </summary>
public static class MarketplaceDomainsEndpoints
{
    public static IEndpointRouteBuilder MapMarketplaceDomains(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/marketplace/domains/{host}", Resolve).WithTags("Marketplace").RequireAuthorization(Policies.MarketplaceRead)
            .WithName("ResolveStorefrontDomain").WithSummary("Resolve a custom storefront host")
            .WithDescription("The brand and storefront (`exchange` or `clearance`) a brand has mapped this host to and verified under " +
                "`/v1/partner/settings/domains`. The host is matched as stored (any case, a trailing dot, Unicode or Punycode). A host that is " +
                "pending, removed or never added is `404 domain_not_found`: serve the default site. Needs a `marketplace` key with the `read` scope.")
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken,
                CommonErrors.Forbidden.DescribedAs("The key is not a marketplace key with the `read` scope."),
                SettingsErrors.DomainNotFound.DescribedAs("No brand has verified this host.")]);
        return app;
    }

    private static async Task<Results<Ok<ResolvedDomain>, ApiErrorResult>> Resolve(string host, HttpContext http, DataPlanes planes, CancellationToken ct)
    {
        var normalised = HostNames.Normalise(host);
        if (normalised is null) return SettingsErrors.DomainNotFound.Result();
        var caller = http.Caller();
        await using var db = planes.Open(caller.Plane, caller.BrandId);
        db.Marketplace = true;
        var domain = await db.BrandDomains.Where(d => d.Host == normalised && d.VerifiedAt != null).FirstOrDefaultAsync(ct);
        return domain is null ? SettingsErrors.DomainNotFound.Result() : TypedResults.Ok(new ResolvedDomain(domain.Host, domain.BrandId, domain.Storefront));
    }
}
