namespace Repurch.Api.Authentication;

public static class Policies
{
    /// <summary>A partner admin key with the read scope.</summary>
    public const string PartnerRead = "partner:read";
    /// <summary>A partner admin key with the write scope.</summary>
    public const string PartnerWrite = "partner:write";
    /// <summary>A marketplace key (the main marketplace's storefront server) with the read scope.</summary>
    public const string MarketplaceRead = "marketplace:read";
    /// <summary>A marketplace key with the write scope (orders).</summary>
    public const string MarketplaceWrite = "marketplace:write";
    /// <summary>A brand's storefront key with the write scope (sign-up, sign-in).</summary>
    public const string StorefrontWrite = "storefront:write";
    /// <summary>A brand's storefront server reading what it shows: its own profile and live listings.</summary>
    public const string StorefrontRead = "storefront:read";
    /// <summary>What any storefront server (a brand's, or the marketplace's) reads about its own brand.</summary>
    public const string StorefrontOrMarketplaceRead = "storefront|marketplace:read";
    /// <summary>A consumer's user access token (<c>/v1/me...</c>).</summary>
    public const string Consumer = "consumer";
    /// <summary>An operator key of the platform's own brand (scopes do not limit it: it reads and resolves disputes only).</summary>
    public const string Operator = "operator";
    /// <summary>A partner admin key with the write scope, or a consumer's user token (photo uploads for trade-ins).</summary>
    public const string PartnerWriteOrConsumer = "partner:write|consumer";
    /// <summary>A partner admin key with the read scope, or a consumer's user token (the taxonomy a trade-in form offers).</summary>
    public const string PartnerReadOrConsumer = "partner:read|consumer";
    /// <summary>Any valid credential.</summary>
    public const string Authenticated = "authenticated";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(PartnerRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(PartnerWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(MarketplaceRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Marketplace).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(MarketplaceWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Marketplace).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(StorefrontWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Storefront).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(StorefrontRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Storefront).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(StorefrontOrMarketplaceRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Storefront, Roles.Marketplace).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(Consumer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Consumer).RequireClaim("account_id"));
        // The brand is checked again here, so an operator row on another brand (which the CLI refuses to make) grants nothing.
        o.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator).RequireClaim("brand_id", Roles.OperatorBrand));
        o.AddPolicy(PartnerWriteOrConsumer, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            (c.User.IsInRole(Roles.Admin) && c.User.HasClaim("scope", Scopes.Write))
            || (c.User.IsInRole(Roles.Consumer) && c.User.HasClaim(claim => claim.Type == "account_id"))));
        o.AddPolicy(PartnerReadOrConsumer, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            (c.User.IsInRole(Roles.Admin) && c.User.HasClaim("scope", Scopes.Read))
            || (c.User.IsInRole(Roles.Consumer) && c.User.HasClaim(claim => claim.Type == "account_id"))));
        o.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
    }
}
