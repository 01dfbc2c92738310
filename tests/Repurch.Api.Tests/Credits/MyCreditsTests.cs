using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Credits;

/// <summary><c>GET /v1/me/credits</c>: the signed-in seller's codes in full, paged, audited; nobody else's.</summary>
public sealed class MyCreditsTests : ApiTest
{
    /// <summary>A buyer of the brand buys the listing as a signed-in account, pays and confirms: the seller earns a code.</summary>
    private async Task SellAsync(TestBrand brand, long listingId)
    {
        var buyer = await TestAccount.CreateAsync(Api, brand, "Robin Buyer");
        var client = buyer.Client(Api);
        var order = await client.PostJsonAsync("/v1/me/orders", JsonSerializer.Serialize(new { listing_id = listingId }));
        var id = (await order.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/me/orders/{id}/capture", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/me/orders/{id}/confirm-receipt", null)).StatusCode);
    }

    [Fact]
    public async Task The_seller_sees_its_earned_code_in_full_and_the_read_is_audited()
    {
        var brand = await NewBrandAsync();
        var (seller, listing) = await TestAccount.CreateSellerAsync(Api, brand);
        await SellAsync(brand, listing);

        var response = await seller.Client(Api).GetAsync("/v1/me/credits");
        var page = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var credit = Assert.Single(page.GetProperty("data").EnumerateArray());
        var code = credit.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{5}$", code);
        // £240 exchange: commission 33.60, VAT 6.72.
        Assert.Equal(199.68m, credit.GetProperty("amount_gbp").GetDecimal());
        Assert.Equal("active", credit.GetProperty("status").GetString());
        Assert.Equal(brand.Id, credit.GetProperty("brand_id").GetString());
        Assert.Equal(1, page.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());

        // It is the real code: the brand's checkout accepts it.
        var valid = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/codes/validate", JsonSerializer.Serialize(new { code }))).JsonAsync();
        Assert.True(valid.GetProperty("valid").GetBoolean());

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "credit.codes_viewed");
        Assert.Equal(seller.Id, audit.TargetId);
        Assert.Contains(credit.GetProperty("id").GetString()!, audit.Changes);
        Assert.DoesNotContain(code.Replace("-", ""), audit.Changes.Replace("-", ""));
    }

    [Fact]
    public async Task Codes_are_paged_newest_first()
    {
        var brand = await NewBrandAsync();
        var (seller, first) = await TestAccount.CreateSellerAsync(Api, brand);
        await SellAsync(brand, first);
        var second = (await (await seller.Client(Api).PostJsonAsync("/v1/me/listings",
            """{"title":"Blue linen armchair","price_gbp":100,"condition":"excellent","category":"Armchairs"}""")).JsonAsync()).GetProperty("id").GetInt64();
        await SellAsync(brand, second);

        var all = await (await seller.Client(Api).GetAsync("/v1/me/credits")).JsonAsync();
        var amounts = all.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("amount_gbp").GetDecimal()).ToArray();
        // £100: commission 14.00, VAT 2.80.
        Assert.Equal([83.2m, 199.68m], amounts);
        var one = await (await seller.Client(Api).GetAsync("/v1/me/credits?per_page=1&page=2")).JsonAsync();
        Assert.Equal(199.68m, Assert.Single(one.GetProperty("data").EnumerateArray()).GetProperty("amount_gbp").GetDecimal());
        Assert.Equal(2, one.GetProperty("meta").GetProperty("total_pages").GetInt32());
        await (await seller.Client(Api).GetAsync("/v1/me/credits?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await seller.Client(Api).GetAsync("/v1/me/credits?page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task Nobody_else_sees_the_sellers_codes()
    {
        var brand = await NewBrandAsync();
        var otherBrand = await NewBrandAsync();
        var (seller, listing) = await TestAccount.CreateSellerAsync(Api, brand);
        await SellAsync(brand, listing);
        var neighbour = await TestAccount.CreateAsync(Api, brand);
        var elsewhere = await TestAccount.CreateAsync(Api, otherBrand);

        foreach (var stranger in new[] { neighbour, elsewhere })
        {
            var page = await (await stranger.Client(Api).GetAsync("/v1/me/credits")).JsonAsync();
            Assert.Empty(page.GetProperty("data").EnumerateArray());
            Assert.Equal(0, page.GetProperty("meta").GetProperty("total").GetInt32());
        }
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/me/credits")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).GetAsync("/v1/me/credits")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/me/credits")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        // Reads that showed nothing are not audited as code views.
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "credit.codes_viewed"));
        Assert.Equal(1, await (await seller.Client(Api).GetAsync("/v1/me/credits")).JsonAsync().ContinueWith(t => t.Result.GetProperty("data").GetArrayLength()));
    }
}
