namespace Repurch.Api.Authentication;

public static class Roles
{
    public const string Admin = "admin";
    public const string Member = "member";
    /// <summary>A storefront server acting for the marketplace (orders, credits).</summary>
    public const string Marketplace = "marketplace";
    /// <summary>
    /// The platform's dispute operator: reads and resolves disputes of every brand and nothing else.
    /// Only <see cref="OperatorBrand"/> may hold one (<c>./run keys create --brand sofalistic --role operator</c>).
    /// </summary>
    public const string Operator = "operator";
    /// <summary>The platform's own brand, the only one whose keys may carry <see cref="Operator"/>.</summary>
    public const string OperatorBrand = "sofalistic";
    public static readonly string[] All = [Admin, Member, Marketplace, Operator];
}
