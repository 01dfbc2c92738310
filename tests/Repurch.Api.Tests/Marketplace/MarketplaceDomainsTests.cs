using System.Net;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Settings;

namespace Repurch.Api.Tests.Marketplace;

/// <summary>GET /v1/marketplace/domains/{host}: the web tier asking which storefront a custom host serves.</summary>
public sealed class MarketplaceDomainsTests : ApiTest
{
    [Fact]
    public async Task A_verified_host_resolves_to_its_brand_and_storefront_and_a_pending_or_removed_one_does_not()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var host = $"clearance.b{Guid.NewGuid().ToString("N")[..12]}.test";
        var created = await admin.PostJsonAsync("/v1/partner/settings/domains", $$"""{"host": "{{host}}", "storefront": "clearance"}""").OkJsonAsync(HttpStatusCode.Created);

        await (await marketplace.GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");

        TestTxtRecords.Publish("_repurch-challenge." + host, created.GetProperty("verification").GetProperty("value").GetString()!);
        await admin.PostAsync($"/v1/partner/settings/domains/{host}/verify", null).OkJsonAsync();
        var resolved = await marketplace.GetAsync($"/v1/marketplace/domains/{host.ToUpperInvariant()}.").OkJsonAsync();
        Assert.Equal($$"""{"host":"{{host}}","brand_id":"{{brand.Id}}","storefront":"clearance"}""", resolved.GetRawText().Replace(" ", "", StringComparison.Ordinal));

        // The brand's partner keys cannot ask (nor can another brand's): it is the marketplace's question.
        await (await admin.GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");

        await admin.DeleteAsync($"/v1/partner/settings/domains/{host}").OkJsonAsync();
        await (await marketplace.GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
    }

    [Theory]
    [InlineData("nobody-has-this.test")]
    [InlineData("not a host")]
    [InlineData("a%01b.test")]
    [InlineData("192.168.0.1")]
    public async Task Unknown_and_malformed_hosts_are_not_found(string host)
    {
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await (await marketplace.GetAsync($"/v1/marketplace/domains/{host}")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
    }

    [Fact]
    public async Task A_host_of_300_characters_is_not_found()
    {
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await (await marketplace.GetAsync($"/v1/marketplace/domains/{new string('a', 300)}.test")).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
    }
}
