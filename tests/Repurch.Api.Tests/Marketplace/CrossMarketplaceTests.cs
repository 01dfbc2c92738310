using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Marketplace;

/// <summary>
/// Every storefront endpoint called with a second marketplace's key on the first one's ids: the same
/// 404 as an unknown id, and nothing changes. (Listings are the exception by design: every marketplace
/// shows every brand's active cross-listed listings.)
/// </summary>
public sealed class CrossMarketplaceTests : ApiTest
{
    [Fact]
    public async Task Another_marketplace_cannot_read_a_sellers_credit_codes()
    {
        var brand = await NewBrandAsync();
        var first = await Storefront.CreateAsync(Api);
        var second = await Storefront.CreateAsync(Api);
        await first.BuyAsync(await brand.AddTradeInAsync(Api.Planes));

        var own = await (await first.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var code = Assert.Single(own.GetProperty("data").EnumerateArray()).GetProperty("code").GetString()!;

        var response = await second.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits");
        var body = await response.AssertErrorAsync(HttpStatusCode.NotFound, "seller_not_found");
        Assert.DoesNotContain(code, body.ToString(), StringComparison.Ordinal);
        // The same answer as a seller that does not exist: ids cannot be probed.
        await (await second.Client.GetAsync("/v1/marketplace/sellers/999999999/credits")).AssertErrorAsync(HttpStatusCode.NotFound, "seller_not_found");
    }

    [Fact]
    public async Task A_seller_trading_through_two_marketplaces_shows_each_only_its_own_codes()
    {
        var brand = await NewBrandAsync();
        var first = await Storefront.CreateAsync(Api);
        var second = await Storefront.CreateAsync(Api);
        await first.BuyAsync(await brand.AddTradeInAsync(Api.Planes));
        await second.BuyAsync(await brand.AddTradeInAsync(Api.Planes));

        var a = await (await first.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var b = await (await second.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var codeA = Assert.Single(a.GetProperty("data").EnumerateArray()).GetProperty("code").GetString();
        var codeB = Assert.Single(b.GetProperty("data").EnumerateArray()).GetProperty("code").GetString();
        Assert.NotEqual(codeA, codeB);
    }

    [Fact]
    public async Task Every_read_of_full_codes_is_in_the_issuing_brands_audit_log_without_the_codes()
    {
        var brand = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        await store.BuyAsync(await brand.AddTradeInAsync(Api.Planes));
        var view = await (await store.Client.GetAsync($"/v1/marketplace/sellers/{brand.SellerId}/credits")).JsonAsync();
        var credit = Assert.Single(view.GetProperty("data").EnumerateArray());
        var code = credit.GetProperty("code").GetString()!;

        var log = await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/partner/audit-log?per_page=100")).JsonAsync();
        var entry = Assert.Single(log.GetProperty("data").EnumerateArray(), e => e.GetProperty("action").GetString() == "credit.codes_viewed");
        Assert.Equal(brand.SellerId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("target_id").GetString());
        var changes = entry.GetProperty("changes");
        Assert.Equal(store.BrandId, changes.GetProperty("marketplace_brand_id").GetProperty("to").GetString());
        Assert.Equal(credit.GetProperty("id").GetString(), Assert.Single(changes.GetProperty("credit_ids").GetProperty("to").EnumerateArray()).GetString());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("actor_key_id").ValueKind);
        Assert.DoesNotContain(code, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_marketplace_cannot_see_or_move_an_order()
    {
        var brand = await NewBrandAsync();
        var first = await Storefront.CreateAsync(Api);
        var second = await Storefront.CreateAsync(Api);
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var order = await first.OrderAsync(listing);
        var id = order.GetProperty("id").GetString()!;

        await (await second.Client.GetAsync($"/v1/marketplace/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        foreach (var action in new[] { "capture", "cancel", "confirm-receipt", "refund" })
            await (await second.Client.PostAsync($"/v1/marketplace/orders/{id}/{action}", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal("pending_payment", await StatusAsync(brand, id));

        await first.ActAsync(id, "capture");
        foreach (var action in new[] { "confirm-receipt", "refund", "cancel", "capture" })
            await (await second.Client.PostAsync($"/v1/marketplace/orders/{id}/{action}", null)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal("paid", await StatusAsync(brand, id));
        var mine = await (await first.Client.GetAsync($"/v1/marketplace/orders/{id}")).JsonAsync();
        Assert.Equal("paid", mine.GetProperty("status").GetString());
    }

    private async Task<string> StatusAsync(TestBrand brand, string orderId)
    {
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync();
    }
}
