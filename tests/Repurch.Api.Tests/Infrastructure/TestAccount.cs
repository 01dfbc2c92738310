using System.Net;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>A consumer account of a test brand, signed up and signed in over HTTP with the brand's storefront key.</summary>
public sealed record TestAccount(string Id, string BrandId, string Email, string Password, string DisplayName, string AccessToken, string RefreshToken)
{
    /// <summary>A password no rule refuses: random, long, not on any list.</summary>
    public static string NewPassword() => $"Tq{Guid.NewGuid():N}"[..22] + " horse!";

    public static async Task<TestAccount> CreateAsync(ApiFactory api, TestBrand brand, string? displayName = null)
    {
        var email = $"buyer-{Guid.NewGuid():N}"[..18] + "@example.com";
        var password = NewPassword();
        var name = displayName ?? "Alex Morgan";
        using var storefront = api.ClientWith(brand.StorefrontKey);
        var signUp = await storefront.PostJsonAsync("/v1/accounts",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["display_name"] = name }));
        var created = await signUp.JsonAsync();
        Assert.True(signUp.StatusCode == HttpStatusCode.Created, created.ToString());
        var (access, refresh) = await SignInAsync(api, brand, email, password);
        return new TestAccount(created.GetProperty("id").GetString()!, brand.Id, email, password, name, access, refresh);
    }

    /// <summary>A fresh session's user token and refresh token.</summary>
    public static async Task<(string AccessToken, string RefreshToken)> SignInAsync(ApiFactory api, TestBrand brand, string email, string password)
    {
        using var storefront = api.ClientWith(brand.StorefrontKey);
        var response = await storefront.PostJsonAsync("/v1/accounts/sessions",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return (body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>An HttpClient that sends this account's user token.</summary>
    public HttpClient Client(ApiFactory api) => api.ClientWith(AccessToken);

    /// <summary>The account's seller row (every account is its own seller).</summary>
    public async Task<long> SellerIdAsync(ApiFactory api)
    {
        await using var db = api.Planes.Open(Plane.Live, BrandId);
        return await db.Sellers.Where(s => s.AccountId == Id).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A consumer seller of <paramref name="brand"/> who owns an active trade-in listing, listed over HTTP (<c>POST /v1/me/listings</c>).</summary>
    public static async Task<(TestAccount Seller, long ListingId)> CreateSellerAsync(ApiFactory api, TestBrand brand, string? displayName = null)
    {
        var seller = await CreateAsync(api, brand, displayName ?? "Jo Seller");
        using var client = seller.Client(api);
        var response = await client.PostJsonAsync("/v1/me/listings", """
            {"title": "Trade-in oak dining table", "price_gbp": 240, "condition": "gently-used", "category": "3-Seater Sofas", "faults": ["None"]}
            """);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("active", body.GetProperty("status").GetString());
        return (seller, body.GetProperty("id").GetInt64());
    }
}
