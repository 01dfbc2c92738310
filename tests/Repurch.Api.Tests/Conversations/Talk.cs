using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Conversations;

/// <summary>Helpers for conversation tests over HTTP: open, send, read pages, and a consumer seller's listing.</summary>
public static class Talk
{
    public const string Ordinary = "Hi, is the sofa still available? Could I collect on Saturday?";
    public const string Contact = "Easier to chat outside, ring me on 07700 900123 tonight";
    public const string BankTransfer = "I'd rather pay by bank transfer, sort code 20-00-00 account 12345678, to skip the fees";

    public static StringContent Json(object body) => HttpExtensions.JsonContent(JsonSerializer.Serialize(body));

    public static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Opens (or reopens) a conversation; returns the answer's status, conversation id and message.</summary>
    public static async Task<(HttpStatusCode Status, string Conversation, JsonElement Message)> OpenAsync(HttpClient client, long listingId, string text)
    {
        var response = await client.PostAsync("/v1/me/conversations", Json(new { listing_id = listingId, text }));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return (response.StatusCode, body.GetProperty("conversation").GetProperty("id").GetString()!, body.GetProperty("message"));
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, string path, string text)
    {
        var response = await client.PostAsync(path, Json(new { text }));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<JsonElement[]> MessagesAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path + "?per_page=100");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return [.. body.GetProperty("data").EnumerateArray()];
    }

    public static string[] Ids(IEnumerable<JsonElement> items) => items.Select(e => e.GetProperty("id").GetString()!).ToArray();

    /// <summary>A trade-in listed by <paramref name="sellerAccountId"/> (a consumer seller whose seller row is that account).</summary>
    public static async Task<long> SellerListingAsync(ApiFactory api, TestBrand brand, string sellerAccountId, string status = "active")
    {
        await using var db = api.Planes.Open(Plane.Live, brand.Id);
        var seller = await db.Sellers.AsTracking().FirstOrDefaultAsync(s => s.AccountId == sellerAccountId);
        if (seller is null)
        {
            seller = new Seller { BrandId = brand.Id, DisplayName = "Consumer seller", AccountId = sellerAccountId, CreatedAt = DateTimeOffset.UtcNow };
            db.Sellers.Add(seller);
            await db.SaveChangesAsync();
        }
        var listing = new Listing
        {
            BrandId = brand.Id, OwnerType = "seller", SellerId = seller.Id, Title = "Trade-in oak dining table", Channel = "exchange",
            Status = status, RegularPrice = 220m, Condition = "gently-used", Category = "Dining Tables", Faults = ["None"],
            Slug = "trade-in-oak-dining-table", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    }

    public static async Task<List<EventRecord>> EventsAsync(ApiFactory api, string brandId, string type)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Events.Where(e => e.Type == type).OrderBy(e => e.CreatedAt).ToListAsync();
    }

    public static async Task<int> MessageCountAsync(ApiFactory api, string brandId)
    {
        await using var db = api.Planes.Open(Plane.Live, brandId);
        return await db.Messages.CountAsync();
    }
}
