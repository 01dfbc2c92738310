using System.Globalization;
using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

/// <summary><c>GET /v1/me/listings/payout-estimate</c>: the seller's form asks what a trade-in would pay, as a listing would work it out.</summary>
public sealed class PayoutEstimateTests : ApiTest
{
    private const string Url = "/v1/me/listings/payout-estimate";

    // Worked by hand: commission = round(price * 0.14), VAT = round(commission * 0.2), payout = price - commission - VAT - delivery.
    [Theory]
    [InlineData("599", "0", "83.86", "16.77", "498.37")]
    [InlineData("599", "129", "83.86", "16.77", "369.37")]
    [InlineData("180", "30", "25.2", "5.04", "119.76")]
    // 100.75 * 0.14 = 14.105: half away from zero gives 14.11.
    [InlineData("100.75", "", "14.11", "2.82", "83.82")]
    public async Task The_estimate_is_the_listings_payout_to_the_penny(string price, string delivery, string commission, string vat, string payout)
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        var response = await user.GetAsync($"{Url}?price_gbp={price}&delivery_contribution_gbp={delivery}");
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(price, body.GetProperty("price_gbp").GetRawText());
        Assert.Equal("0.14", body.GetProperty("commission_rate").GetRawText());
        Assert.Equal(commission, body.GetProperty("commission_gbp").GetRawText());
        Assert.Equal(vat, body.GetProperty("vat_gbp").GetRawText());
        Assert.Equal(delivery == "" ? "0" : delivery, body.GetProperty("delivery_contribution_gbp").GetRawText());
        Assert.Equal(payout, body.GetProperty("payout_gbp").GetRawText());

        // The listing made at that price says the same.
        var listing = await (await user.PostJsonAsync("/v1/me/listings",
            $$"""{"title":"Estimate sofa","price_gbp":{{price}},"delivery_contribution_gbp":{{(delivery == "" ? "0" : delivery)}},"condition":"fair","category":"Armchairs"}""")).JsonAsync();
        Assert.Equal(decimal.Parse(payout, CultureInfo.InvariantCulture), listing.GetProperty("payout").GetDecimal());
    }

    [Theory]
    [InlineData("", "price_gbp_required")]
    [InlineData("?delivery_contribution_gbp=30", "price_gbp_required")]
    [InlineData("?price_gbp=0", "price_gbp_invalid")]
    [InlineData("?price_gbp=-5", "price_gbp_invalid")]
    [InlineData("?price_gbp=12.345", "price_gbp_invalid")]
    [InlineData("?price_gbp=1000000.01", "price_gbp_invalid")]
    [InlineData("?price_gbp=abc", "price_gbp_invalid")]
    [InlineData("?price_gbp=1e3", "price_gbp_invalid")]
    [InlineData("?price_gbp=12%00", "price_gbp_invalid")]
    [InlineData("?price_gbp=100&delivery_contribution_gbp=31", "delivery_contribution_invalid")]
    [InlineData("?price_gbp=100&delivery_contribution_gbp=-30", "delivery_contribution_invalid")]
    [InlineData("?price_gbp=100&delivery_contribution_gbp=30.5", "delivery_contribution_invalid")]
    [InlineData("?price_gbp=100&delivery_contribution_gbp=lots", "delivery_contribution_invalid")]
    public async Task Bad_input_is_validation_failed_with_the_listings_codes(string query, string code)
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        var error = await (await user.GetAsync(Url + query)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], error.ErrorCodes());
    }

    [Fact]
    public async Task Both_codes_come_at_once()
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        var error = await (await user.GetAsync($"{Url}?price_gbp=x&delivery_contribution_gbp=7")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["price_gbp_invalid", "delivery_contribution_invalid"], error.ErrorCodes());
    }

    [Fact]
    public async Task Only_a_consumers_token_may_ask()
    {
        var brand = await NewBrandAsync();
        var query = $"{Url}?price_gbp=100";

        await (await Api.ClientWith(null).GetAsync(query)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.AdminKey).GetAsync(query)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).GetAsync(query)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_route_is_not_read_as_a_listing_id()
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        // The estimate answers its own route; a listing id beside it still reads as one.
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"{Url}?price_gbp=100")).StatusCode);
        await (await user.GetAsync("/v1/me/listings/payout-estimates")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await user.GetAsync("/v1/me/listings/999999999")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }
}
