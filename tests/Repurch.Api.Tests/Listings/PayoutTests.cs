using System.Globalization;
using System.Net;
using Repurch.Api.Features.Listings;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

public sealed class PayoutTests : ApiTest
{
    // Expected figures worked by hand: commission = round(price * rate), VAT = round(commission * 0.2),
    // payout = price - commission - VAT - delivery; rounding half away from zero at each step.
    [Theory]
    [InlineData("clearance", "599", 0, "491.18")]
    [InlineData("clearance", "599", 30, "461.18")]
    [InlineData("clearance", "599", 60, "431.18")]
    [InlineData("clearance", "599", 129, "362.18")]
    [InlineData("exchange", "599", 0, "498.37")]
    [InlineData("exchange", "599", 30, "468.37")]
    [InlineData("exchange", "599", 60, "438.37")]
    [InlineData("exchange", "599", 129, "369.37")]
    // 100.30 * 0.15 = 15.045: half away from zero gives 15.05 (banker's rounding would give 15.04).
    [InlineData("clearance", "100.30", 0, "82.24")]
    // 100.75 * 0.14 = 14.105: half away from zero gives 14.11.
    [InlineData("exchange", "100.75", 0, "83.82")]
    [InlineData("clearance", "899", 60, "677.18")]
    public async Task Payout_on_the_listing_follows_the_formula_to_the_penny(string channel, string price, int delivery, string payout)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var body = $$"""{"title":"Payout sofa","channel":"{{channel}}","price_gbp":{{price}},"delivery_contribution_gbp":{{delivery}},"condition":"fair","category":"Armchairs"}""";

        var created = await client.PostJsonAsync("/v1/listings", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var expected = decimal.Parse(payout, CultureInfo.InvariantCulture);

        Assert.Equal(expected, (await created.JsonAsync()).GetProperty("payout").GetDecimal());
        Assert.Equal(expected, (await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()).GetProperty("payout").GetDecimal());
        var list = await (await client.GetAsync("/v1/listings")).JsonAsync();
        Assert.Equal(expected, list.GetProperty("data")[0].GetProperty("payout").GetDecimal());
        Assert.Equal(expected, PayoutCalculator.Payout(channel, decimal.Parse(price, CultureInfo.InvariantCulture), delivery));
    }

    [Fact]
    public async Task Payout_uses_the_sale_price_when_one_is_set()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(client,
            """{"title":"On sale","channel":"clearance","price_gbp":699,"sale_price_gbp":599,"delivery_contribution_gbp":60,"condition":"fair","category":"Armchairs"}""");

        var detail = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal(599m, detail.GetProperty("price").GetDecimal());
        Assert.Equal(431.18m, detail.GetProperty("payout").GetDecimal());

        var unsale = await (await client.PatchJsonAsync($"/v1/listings/{id}", """{"sale_price_gbp": null}""")).JsonAsync();
        Assert.Equal(699m, unsale.GetProperty("price").GetDecimal());
        // 699 clearance: commission 104.85, VAT 20.97, delivery 60.
        Assert.Equal(513.18m, unsale.GetProperty("payout").GetDecimal());
    }

    [Fact]
    public void Breakdown_rounds_each_step_to_the_penny()
    {
        var b = PayoutCalculator.Calculate("clearance", 599m, 60m);
        Assert.Equal(89.85m, b.Commission);
        Assert.Equal(17.97m, b.Vat);
        Assert.Equal(431.18m, b.Payout);
        Assert.Equal(b.Price, b.Commission + b.Vat + b.DeliveryContribution + b.Payout);
    }
}
