using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Money;

/// <summary>GET /v1/orders and /v1/orders/{id}: the selling brand's view of the orders for its listings.</summary>
public sealed class BrandOrdersTests : ApiTest
{
    [Fact]
    public async Task A_brand_lists_the_orders_for_its_listings_newest_first_filters_by_status_and_reads_one()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var store = await Storefront.CreateAsync(Api);
        var sold = await store.BuyAsync(await Infrastructure.Listings.CreateAsync(partner));
        var pending = await store.OrderAsync(await Infrastructure.Listings.CreateAsync(partner), quantity: 1, email: "second@example.com");

        var page = await (await partner.GetAsync("/v1/orders")).JsonAsync();
        var ids = page.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal([pending.GetProperty("id").GetString(), sold.GetProperty("id").GetString()], ids);
        Assert.Equal(2, page.GetProperty("meta").GetProperty("total").GetInt32());
        var first = page.GetProperty("data")[0];
        Assert.Equal("pending_payment", first.GetProperty("status").GetString());
        Assert.Equal("second@example.com", first.GetProperty("buyer").GetProperty("email").GetString());
        Assert.Equal(brand.Id, first.GetProperty("brand_id").GetString());

        var completed = await (await partner.GetAsync("/v1/orders?status=completed&per_page=1")).JsonAsync();
        Assert.Equal(sold.GetProperty("id").GetString(), Assert.Single(completed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var second = await (await partner.GetAsync("/v1/orders?per_page=1&page=2")).JsonAsync();
        Assert.Equal(sold.GetProperty("id").GetString(), Assert.Single(second.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        var one = await (await partner.GetAsync($"/v1/orders/{sold.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal("completed", one.GetProperty("status").GetString());
        Assert.Equal(sold.GetProperty("payout_gbp").GetDecimal(), one.GetProperty("payout_gbp").GetDecimal());
        Assert.Equal(sold.GetProperty("amount_gbp").GetDecimal(), one.GetProperty("amount_gbp").GetDecimal());
        // The read-only key reads too.
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/orders")).StatusCode);
    }

    [Fact]
    public async Task Another_brand_and_the_marketplace_see_none_of_them()
    {
        var brand = await NewBrandAsync();
        var store = await Storefront.CreateAsync(Api);
        var order = await store.BuyAsync(await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey)));
        var id = order.GetProperty("id").GetString()!;

        var other = Api.ClientWith((await NewBrandAsync()).AdminKey);
        Assert.Empty((await (await other.GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await other.GetAsync($"/v1/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        // The buying marketplace reads it through /v1/marketplace/orders, not the seller's list.
        await (await store.Client.GetAsync("/v1/orders")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        // The brand's sandbox plane has none of the live orders.
        Assert.Empty((await (await Api.ClientWith(brand.SandboxAdminKey).GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await Api.ClientWith(brand.SandboxAdminKey).GetAsync($"/v1/orders/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Theory]
    [InlineData("/v1/orders?status=lost", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders?status=PAID", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders?per_page=101", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders?page=0", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders?page=abc", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders?status=%00paid", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("/v1/orders/ord_does_not_exist", HttpStatusCode.NotFound, "order_not_found")]
    [InlineData("/v1/orders/ord%01%1F%7F", HttpStatusCode.NotFound, "order_not_found")]
    [InlineData("/v1/orders/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", HttpStatusCode.NotFound, "order_not_found")]
    [InlineData("/v1/orders?status=paid&status=completed", HttpStatusCode.BadRequest, "invalid_parameter")]
    public async Task Bad_queries_and_unknown_ids_get_a_clear_4xx(string path, HttpStatusCode status, string code)
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.AdminKey).GetAsync(path)).AssertErrorAsync(status, code);
    }

    [Fact]
    public async Task Keys_without_read_and_requests_without_a_key_are_refused()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync("/v1/orders")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/orders")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/orders")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nope").GetAsync("/v1/orders")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
