namespace Repurch.Api.Authentication;

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    /// <summary>A storefront server acting for the marketplace (orders, credits).</summary>
    public const string Marketplace = "marketplace";
    public static readonly string[] All = [Admin, Member, Marketplace];
}
