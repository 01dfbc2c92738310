using System.Globalization;
using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Marketplace;

namespace Repurch.Api.Tests.Storefronts;

/// <summary>/v1/storefront: a brand's storefront server reading its profile, theme and live listings with its storefront key.</summary>
public sealed class StorefrontTests : ApiTest
{
    /// <summary>WCAG 2.2 contrast of two #RRGGBB colours, computed here independently of the API.</summary>
    private static double Contrast(string a, string b)
    {
        static double L(string hex)
        {
            double C(int i)
            {
                var c = int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * C(1) + 0.7152 * C(3) + 0.0722 * C(5);
        }
        var (x, y) = (L(a), L(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private async Task<JsonElement> ProfileAsync(string key)
    {
        var response = await Api.ClientWith(key).GetAsync("/v1/storefront/profile");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    [Fact]
    public async Task The_profile_is_the_brands_public_profile_with_a_default_theme_until_set()
    {
        var brand = await NewBrandAsync();
        var profile = await ProfileAsync(brand.StorefrontKey);
        Assert.Equal(["brand_id", "display_name", "tagline", "description", "logo_url", "support_email", "support_phone", "theme"], profile.EnumerateObject().Select(p => p.Name));
        Assert.Equal(brand.Id, profile.GetProperty("brand_id").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("display_name").ValueKind);
        Assert.Equal("""{"accent":"#1F4FD9","on_accent":"#FFFFFF","accent_text":"#1F4FD9"}""", profile.GetProperty("theme").GetRawText().Replace(" ", "", StringComparison.Ordinal));

        var patch = await Api.ClientWith(brand.AdminKey).PatchJsonAsync("/v1/partner/settings/brand",
            """{"display_name": "Furniture Co", "tagline": "Premium British sofas, made to last.", "support_email": "help@furnitureco.example", "accent_color": "#1f4fd9"}""");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        profile = await ProfileAsync(brand.StorefrontKey);
        Assert.Equal("Furniture Co", profile.GetProperty("display_name").GetString());
        Assert.Equal("Premium British sofas, made to last.", profile.GetProperty("tagline").GetString());
        Assert.Equal("help@furnitureco.example", profile.GetProperty("support_email").GetString());
    }

    [Theory]
    [InlineData("#FFEB3B")] // pale yellow: black text, a much darker yellow for text on white
    [InlineData("#00A3A3")] // mid teal: neither extreme is obvious
    [InlineData("#111111")]
    [InlineData("#FFFFFF")]
    [InlineData("#767676")]
    public async Task Theme_colours_keep_AA_contrast_whatever_the_accent(string accent)
    {
        var brand = await NewBrandAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.AdminKey).PatchJsonAsync("/v1/partner/settings/brand",
            $$"""{"display_name": "Contrast test", "accent_color": "{{accent}}"}""")).StatusCode);
        var theme = (await ProfileAsync(brand.StorefrontKey)).GetProperty("theme");
        Assert.Equal(accent, theme.GetProperty("accent").GetString());
        var onAccent = theme.GetProperty("on_accent").GetString()!;
        var other = onAccent == "#FFFFFF" ? "#000000" : "#FFFFFF";
        Assert.True(Contrast(accent, onAccent) >= 4.5, $"{onAccent} on {accent}: {Contrast(accent, onAccent):F2}");
        Assert.True(Contrast(accent, onAccent) >= Contrast(accent, other));
        var text = theme.GetProperty("accent_text").GetString()!;
        Assert.Matches("^#[0-9A-F]{6}$", text);
        Assert.True(Contrast(text, "#FFFFFF") >= 4.5, $"{text} on white: {Contrast(text, "#FFFFFF"):F2}");
        if (Contrast(accent, "#FFFFFF") >= 4.5) Assert.Equal(accent, text);
    }

    [Fact]
    public async Task The_marketplace_key_reads_its_own_brands_profile_and_partner_keys_cannot()
    {
        var brand = await NewBrandAsync();
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var profile = await (await marketplace.GetAsync("/v1/storefront/profile")).JsonAsync();
        Assert.NotEqual(brand.Id, profile.GetProperty("brand_id").GetString());
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/storefront/profile")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/storefront/profile")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nonsense").GetAsync("/v1/storefront/profile")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Listings_are_the_brands_own_live_listings_searched_like_the_marketplace()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var sofa = await Infrastructure.Listings.CreateAsync(admin, """{"title": "Grey velvet corner sofa", "price_gbp": 899, "condition": "excellent", "category": "Corner Sofas", "channel": "clearance"}""");
        var chair = await Infrastructure.Listings.CreateAsync(admin, """{"title": "Green velvet armchair", "price_gbp": 299, "condition": "fair", "category": "Armchairs", "channel": "exchange"}""");
        await Infrastructure.Listings.CreateAsync(admin, """{"title": "Draft sofa", "price_gbp": 100, "condition": "fair", "category": "Corner Sofas", "status": "draft"}""");
        var theirs = await Infrastructure.Listings.CreateAsync(Api.ClientWith(other.AdminKey));
        var store = Api.ClientWith(brand.StorefrontKey);

        async Task<long[]> Ids(string query)
        {
            var response = await store.GetAsync($"/v1/storefront/listings?{query}");
            var body = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
            return body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToArray();
        }

        Assert.Equal([chair, sofa], await Ids(""));
        Assert.Equal([sofa], await Ids("channel=clearance"));
        Assert.Equal([chair], await Ids("channel=exchange"));
        Assert.Equal([chair, sofa], await Ids("q=velvet&sort=price_asc"));
        Assert.Equal([sofa], await Ids("q=corner"));
        Assert.Empty(await Ids($"brand_id={other.Id}"));
        var facets = await (await store.GetAsync("/v1/storefront/listings?facets=true")).JsonAsync();
        Assert.Equal(2, facets.GetProperty("facets").GetProperty("category").GetArrayLength());
        var body = await (await store.GetAsync("/v1/storefront/listings?min_price=abc")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal("min_price", body.GetProperty("data").GetProperty("param").GetString());
        await (await store.GetAsync("/v1/storefront/listings?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await store.GetAsync("/v1/storefront/listings?q=%07")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");

        var detail = await (await store.GetAsync($"/v1/storefront/listings/{sofa}")).JsonAsync();
        Assert.Equal("Grey velvet corner sofa", detail.GetProperty("title").GetString());
        Assert.EndsWith($"/product/grey-velvet-corner-sofa-{sofa}", detail.GetProperty("url").GetString());
        await (await store.GetAsync($"/v1/storefront/listings/{theirs}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await store.GetAsync("/v1/storefront/listings/not-a-number")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await store.GetAsync("/v1/storefront/listings/99999999999")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    [Fact]
    public async Task Only_storefront_keys_read_storefront_listings()
    {
        var brand = await NewBrandAsync();
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/storefront/listings")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await marketplace.GetAsync("/v1/storefront/listings")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/storefront/listings/1")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).GetAsync("/v1/storefront/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }
}
