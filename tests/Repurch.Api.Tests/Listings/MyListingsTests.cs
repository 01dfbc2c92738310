using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Media;

namespace Repurch.Api.Tests.Listings;

/// <summary><c>/v1/me/listings</c>: a consumer's trade-ins, validated like a partner's, screened, held for review when flagged.</summary>
public sealed class MyListingsTests : ApiTest
{
    private const string Url = "/v1/me/listings";

    private static string Body(string title = "Grey fabric armchair", string? description = "Light wear on one arm, otherwise clean.", object? photos = null, string? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title, ["description"] = description, ["price_gbp"] = 180, ["condition"] = "gently-used", ["category"] = "Armchairs",
            ["colour"] = "Grey", ["faults"] = new[] { "None" },
        };
        if (photos is not null) body["attachment_ids"] = photos;
        var json = JsonSerializer.Serialize(body);
        return extra is null ? json : json[..^1] + "," + extra + "}";
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private async Task<int> CountListingsAsync(string brandId)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Listings.CountAsync();
    }

    [Fact]
    public async Task A_clean_trade_in_is_live_at_once_owned_by_the_accounts_seller()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand, "Jo Seller");
        var user = account.Client(Api);

        var response = await user.PostJsonAsync(Url, Body());
        var created = await CreatedAsync(response);

        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/v1/me/listings/{id}", response.Headers.Location?.ToString());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal("exchange", created.GetProperty("channel").GetString());
        Assert.Empty(created.GetProperty("review_reasons").EnumerateArray());
        Assert.Equal(180m, created.GetProperty("price").GetDecimal());
        Assert.Equal(await account.SellerIdAsync(Api), created.GetProperty("seller").GetProperty("id").GetInt64());
        Assert.Equal("Jo Seller", created.GetProperty("seller").GetProperty("display_name").GetString());

        var mine = await (await user.GetAsync(Url)).JsonAsync();
        Assert.Equal([id], mine.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(1, mine.GetProperty("meta").GetProperty("total").GetInt32());
        var one = await (await user.GetAsync($"{Url}/{id}")).JsonAsync();
        Assert.Equal("Light wear on one arm, otherwise clean.", one.GetProperty("description").GetString());

        // The brand sees it as a consumer's trade-in, and its webhooks hear of it.
        var partner = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("seller", partner.GetProperty("owner").GetString());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "listing.created"));
    }

    [Theory]
    [InlineData("Grey fabric armchair", "Text me on 07700 900123 and we can sort it out", "contact_details")]
    [InlineData("Grey fabric armchair", "Pay by bank transfer please, sort code 12-34-56 account 12345678", "off_platform_payment")]
    [InlineData("Armchair, email jo dot seller at gmail dot com", null, "contact_details")]
    public async Task A_flagged_trade_in_is_held_for_review_and_goes_live_when_the_brand_approves(string title, string? description, string reason)
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var user = account.Client(Api);

        var created = await CreatedAsync(await user.PostJsonAsync(Url, Body(title, description)));

        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("pending_review", created.GetProperty("status").GetString());
        Assert.Contains(reason, created.GetProperty("review_reasons").EnumerateArray().Select(r => r.GetString()));
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            Assert.Equal(0, await db.Events.CountAsync(e => e.Type == "listing.created"));
            var audit = await db.AuditLog.SingleAsync(a => a.Action == "listing.held_for_review");
            Assert.Equal(id.ToString(), audit.TargetId);
            Assert.Contains(reason, audit.Changes);
            Assert.Contains("validator_version", audit.Changes);
        }

        // The real moderation flow: the brand's queue has it, with the reasons and the seller.
        var partner = Api.ClientWith(brand.AdminKey);
        var queue = await (await partner.GetAsync("/v1/moderation/listings")).JsonAsync();
        var item = Assert.Single(queue.GetProperty("data").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt64());
        Assert.Equal(account.Id, item.GetProperty("seller_account_id").GetString());
        Assert.Contains(reason, item.GetProperty("review_reasons").EnumerateArray().Select(r => r.GetString()));
        // Nobody can buy it meanwhile.
        var buyer = await TestAccount.CreateAsync(Api, brand);
        await (await buyer.Client(Api).PostJsonAsync("/v1/me/orders", $$"""{"listing_id": {{id}}}""")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");

        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/v1/moderation/listings/{id}/approve", null)).StatusCode);
        var mine = await (await user.GetAsync($"{Url}/{id}")).JsonAsync();
        Assert.Equal("active", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Title_and_description_are_screened_apart_so_their_digits_never_join_into_a_number()
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        const string title = "Grey armchair 07911", description = "123456 stitches of hand-finished piping, no marks.";
        // Joined by a line break the two read as the mobile number 07911 123456.
        var joined = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/trust/screen", JsonSerializer.Serialize(new { text = $"{title}\n{description}" }))).JsonAsync();
        Assert.Equal("contact_details", joined.GetProperty("reasons")[0].GetString());

        var created = await CreatedAsync(await user.PostJsonAsync(Url, Body(title, description)));

        Assert.Equal("active", created.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Photos_are_the_consumers_own_uploads_made_with_its_user_token()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var other = await TestAccount.CreateAsync(Api, brand);
        var user = account.Client(Api);

        var mine = (await user.UploadOkAsync(TestImages.Jpeg(40, 30))).GetProperty("attachment_id").GetInt64();
        var theirs = (await other.Client(Api).UploadOkAsync(TestImages.Jpeg(40, 30))).GetProperty("attachment_id").GetInt64();
        var partners = (await Api.ClientWith(brand.AdminKey).UploadOkAsync(TestImages.Jpeg(40, 30))).GetProperty("attachment_id").GetInt64();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            Assert.Equal(account.Id, await db.Attachments.Where(a => a.Id == mine).Select(a => a.UploaderAccountId).SingleAsync());
            Assert.Null(await db.Attachments.Where(a => a.Id == partners).Select(a => a.UploaderAccountId).SingleAsync());
        }

        foreach (var foreign in new[] { theirs, partners })
        {
            var refused = await (await user.PostJsonAsync(Url, Body(photos: new[] { mine, foreign }))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal(["attachment_ids_invalid"], refused.ErrorCodes());
        }
        Assert.Equal(0, await CountListingsAsync(brand.Id));

        var created = await CreatedAsync(await user.PostJsonAsync(Url, Body(photos: new[] { mine })));
        var image = Assert.Single(created.GetProperty("images").EnumerateArray()).GetString();
        Assert.Equal(image, created.GetProperty("image_url").GetString());
        Assert.Contains("/media/", image);
    }

    [Fact]
    public async Task Partner_only_and_bad_fields_are_validation_failed_and_nothing_is_saved()
    {
        var brand = await NewBrandAsync();
        var account = await TestAccount.CreateAsync(Api, brand);
        var user = account.Client(Api);

        var partnerOnly = await (await user.PostJsonAsync(Url, Body(extra: "\"channel\":\"clearance\",\"sku\":\"X1\",\"images\":[\"https://evil.example/x.jpg\"],\"status\":\"active\""))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["channel_unknown", "sku_unknown", "images_unknown", "status_unknown"], partnerOnly.ErrorCodes());

        var bad = await (await user.PostJsonAsync(Url, """{"title":"","price_gbp":"cheap","condition":"battered","category":"Tables","nonsense":1}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("nonsense_unknown", bad.ErrorCodes());
        Assert.Contains("title_required", bad.ErrorCodes());
        Assert.Contains("price_gbp_invalid", bad.ErrorCodes());
        Assert.Contains("condition_invalid", bad.ErrorCodes());
        Assert.Contains("category_invalid", bad.ErrorCodes());

        var control = await (await user.PostJsonAsync(Url, Body(title: "Arm\u0001chair"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("title_invalid", control.ErrorCodes());
        await (await user.PostJsonAsync(Url, "{")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await user.PostJsonAsync(Url, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var empty = await (await user.PostJsonAsync(Url, "")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("title_required", empty.ErrorCodes());
        await (await user.PostJsonAsync(Url, Body(description: new string('x', 1024 * 1024)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await user.PostAsync(Url, new StringContent("title=x"))).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        await (await Api.ClientWith(brand.AdminKey).PostJsonAsync(Url, Body())).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync(Url, Body())).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(null).PostJsonAsync(Url, Body())).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.AdminKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await CountListingsAsync(brand.Id));
    }

    [Fact]
    public async Task Another_accounts_or_brands_listings_are_not_found()
    {
        var brand = await NewBrandAsync();
        var otherBrand = await NewBrandAsync();
        var a = await TestAccount.CreateAsync(Api, brand);
        var b = await TestAccount.CreateAsync(Api, brand);
        var c = await TestAccount.CreateAsync(Api, otherBrand);
        var mine = (await CreatedAsync(await a.Client(Api).PostJsonAsync(Url, Body()))).GetProperty("id").GetInt64();
        var brandStock = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));

        foreach (var stranger in new[] { b, c })
        {
            await (await stranger.Client(Api).GetAsync($"{Url}/{mine}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
            var list = await (await stranger.Client(Api).GetAsync(Url)).JsonAsync();
            Assert.Empty(list.GetProperty("data").EnumerateArray());
        }
        await (await a.Client(Api).GetAsync($"{Url}/{brandStock}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await a.Client(Api).GetAsync($"{Url}/abc")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await a.Client(Api).GetAsync($"{Url}/99999999999")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await a.Client(Api).GetAsync($"{Url}?per_page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await a.Client(Api).GetAsync($"{Url}?page=x")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        // Deleted by the brand: gone from the owner's view too.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Listings.Where(l => l.Id == mine).ExecuteUpdateAsync(u => u.SetProperty(l => l.DeletedAt, DateTimeOffset.UtcNow));
        await (await a.Client(Api).GetAsync($"{Url}/{mine}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    [Fact]
    public async Task An_account_without_a_seller_row_gets_exactly_one_on_first_use()
    {
        var brand = await NewBrandAsync();
        var password = TestAccount.NewPassword();
        var email = $"seeded-{Guid.NewGuid():N}"[..20] + "@example.com";
        var id = "acct_" + Guid.NewGuid().ToString("N")[..24];
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var now = DateTimeOffset.UtcNow;
            db.Accounts.Add(new Account
            {
                Id = id, BrandId = brand.Id, Email = email, DisplayName = "Seeded Seller", CreatedAt = now, UpdatedAt = now, PasswordChangedAt = now,
                PasswordHash = new Repurch.Api.Features.Accounts.AccountPasswords().Hash(password),
            });
            await db.SaveChangesAsync();
        }
        var (token, _) = await TestAccount.SignInAsync(Api, brand, email, password);
        var user = Api.ClientWith(token);
        Assert.Empty((await (await user.GetAsync(Url)).JsonAsync()).GetProperty("data").EnumerateArray());

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => user.PostJsonAsync(Url, Body(title: $"Armchair number {i + 1}"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var seller = await db.Sellers.SingleAsync(s => s.AccountId == id);
            Assert.Equal("Seeded Seller", seller.DisplayName);
            Assert.Equal(3, await db.Listings.CountAsync(l => l.SellerId == seller.Id));
        }
        var page = await (await user.GetAsync($"{Url}?per_page=2")).JsonAsync();
        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        Assert.Equal(3, page.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_consumer_reads_the_taxonomy_their_trade_in_is_validated_against()
    {
        var brand = await NewBrandAsync();
        var user = (await TestAccount.CreateAsync(Api, brand)).Client(Api);

        var mine = await (await user.GetAsync("/v1/listings/options")).JsonAsync();
        var partners = await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings/options")).JsonAsync();

        Assert.Equal(partners.GetRawText(), mine.GetRawText());
        Assert.Contains(mine.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("help").GetString() is { Length: > 0 });
        // A storefront key is not a consumer: it still cannot read it.
        await (await Api.ClientWith(brand.StorefrontKey).GetAsync("/v1/listings/options")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
