using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Conversations;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Moderation;

/// <summary>Consumer trade-ins the screener held for review: the brand approves (on sale) or rejects them, audited.</summary>
public sealed class ModerationListingsTests : ApiTest
{
    private async Task<(TestBrand Brand, HttpClient Partner, long Listing, string Seller)> HeldAsync()
    {
        var brand = await NewBrandAsync();
        var seller = await TestAccount.CreateAsync(Api, brand, "Held seller");
        var listing = await Talk.SellerListingAsync(Api, brand, seller.Id, "pending_review");
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Listings.Where(l => l.Id == listing).ExecuteUpdateAsync(u => u.SetProperty(l => l.ReviewReasons, new[] { "contact_details" }));
        return (brand, Api.ClientWith(brand.AdminKey), listing, seller.Id);
    }

    private async Task<string> StatusAsync(string brandId, long id)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync();
    }

    private static long[] Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task The_queue_lists_held_trade_ins_with_their_reasons()
    {
        var (brand, partner, listing, seller) = await HeldAsync();
        var active = await Talk.SellerListingAsync(Api, brand, seller);
        var other = await HeldAsync();

        var page = await (await partner.GetAsync("/v1/moderation/listings?status=pending_review")).JsonAsync();
        Assert.Equal([listing], Ids(page));
        var item = page.GetProperty("data")[0];
        Assert.Equal("pending_review", item.GetProperty("status").GetString());
        Assert.Equal("contact_details", item.GetProperty("review_reasons")[0].GetString());
        Assert.Equal(seller, item.GetProperty("seller_account_id").GetString());
        Assert.Equal([listing], Ids(await (await partner.GetAsync("/v1/moderation/listings")).JsonAsync()));
        Assert.DoesNotContain(active, Ids(page));
        Assert.DoesNotContain(other.Listing, Ids(page));
        await (await partner.GetAsync("/v1/moderation/listings?status=active")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task Approving_puts_the_trade_in_on_sale_once_and_is_audited()
    {
        var (brand, partner, listing, _) = await HeldAsync();
        var response = await partner.PostAsync($"/v1/moderation/listings/{listing}/approve", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("active", await StatusAsync(brand.Id, listing));
        await (await partner.PostAsync($"/v1/moderation/listings/{listing}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "listing_not_pending_review");
        await (await partner.PostAsync($"/v1/moderation/listings/{listing}/reject", null)).AssertErrorAsync(HttpStatusCode.Conflict, "listing_not_pending_review");

        var audit = await (await partner.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entry = Assert.Single(audit.GetProperty("data").EnumerateArray(), e => e.GetProperty("action").GetString() == "listing.review_approved");
        Assert.Equal(listing.ToString(), entry.GetProperty("target_id").GetString());
        Assert.Equal("contact_details", entry.GetProperty("changes").GetProperty("review_reasons").GetProperty("to")[0].GetString());

        // One listing.updated for the decision, carrying the listing as it now is.
        var updated = JsonDocument.Parse(Assert.Single(await Talk.EventsAsync(Api, brand.Id, "listing.updated")).Data).RootElement.GetProperty("object");
        Assert.Equal("active", updated.GetProperty("status").GetString());
        Assert.Equal(listing, updated.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Rejecting_keeps_it_off_sale_and_two_decisions_at_once_make_one()
    {
        var (brand, partner, listing, _) = await HeldAsync();
        var results = await Task.WhenAll(
            partner.PostAsync($"/v1/moderation/listings/{listing}/reject", null),
            Api.ClientWith(brand.AdminKey).PostAsync($"/v1/moderation/listings/{listing}/approve", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var won = (await results.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync()).GetProperty("status").GetString();
        Assert.Equal(won, await StatusAsync(brand.Id, listing));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.TargetId == listing.ToString()));
        var updated = JsonDocument.Parse(Assert.Single(await Talk.EventsAsync(Api, brand.Id, "listing.updated")).Data).RootElement.GetProperty("object");
        Assert.Equal(won, updated.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_brand_partner_listings_and_unknown_ids_are_404_or_409_and_change_nothing()
    {
        var (brand, partner, listing, _) = await HeldAsync();
        var other = await NewBrandAsync();
        var intruder = Api.ClientWith(other.AdminKey);
        Assert.Empty(Ids(await (await intruder.GetAsync("/v1/moderation/listings")).JsonAsync()));
        await (await intruder.PostAsync($"/v1/moderation/listings/{listing}/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await intruder.PostAsync($"/v1/moderation/listings/{listing}/reject", null)).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        Assert.Equal("pending_review", await StatusAsync(brand.Id, listing));
        await (await partner.PostAsync("/v1/moderation/listings/abc/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await partner.PostAsync("/v1/moderation/listings/99999999999999999999/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        var own = await Infrastructure.Listings.CreateAsync(partner);
        await (await partner.PostAsync($"/v1/moderation/listings/{own}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "listing_not_pending_review");
        await (await Api.ClientWith(brand.ReadOnlyKey).PostAsync($"/v1/moderation/listings/{listing}/approve", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
