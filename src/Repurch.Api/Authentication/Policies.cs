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
    /// <summary>A consumer's user access token (<c>/v1/me...</c>).</summary>
    public const string Consumer = "consumer";
    /// <summary>Any valid credential.</summary>
    public const string Authenticated = "authenticated";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(PartnerRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(PartnerWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(MarketplaceRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Marketplace).RequireClaim("scope", Scopes.Read));
        o.AddPolicy(MarketplaceWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Marketplace).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(StorefrontWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Storefront).RequireClaim("scope", Scopes.Write));
        o.AddPolicy(Consumer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Consumer).RequireClaim("account_id"));
        o.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
    }
}
