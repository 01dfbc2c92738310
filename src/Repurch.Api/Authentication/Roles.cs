namespace Repurch.Api.Authentication;

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    /// <summary>A storefront server acting for the marketplace (orders, credits).</summary>
    public const string Marketplace = "marketplace";
    /// <summary>A brand's storefront server: signs consumers up and in (<c>/v1/accounts...</c>).</summary>
    public const string Storefront = "storefront";
    /// <summary>A signed-in consumer: user access tokens only, never an API key.</summary>
    public const string Consumer = "consumer";
    /// <summary>Roles an API key may have.</summary>
    public static readonly string[] KeyRoles = [Admin, Member, Marketplace, Storefront];
    /// <summary>Roles a credential (key or token) may carry.</summary>
    public static readonly string[] All = [.. KeyRoles, Consumer];
}
