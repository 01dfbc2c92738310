using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Disputes;

/// <summary>The buyer's side: opening a dispute with a user token, reading it, and the evidence both sides see.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class BuyerDisputeTests : ApiTest
{
    private const string Damaged = """{"reason":"damaged","text":"The left arm is torn and a leg is snapped; photos to follow."}""";

    /// <summary>A paid order placed and captured by <paramref name="buyer"/> through <c>/v1/me/orders</c>, as a storefront does.</summary>
    private async Task<string> BuyersPaidOrderAsync(TestBrand brand, TestAccount buyer, long? listingId = null)
    {
        var listing = listingId ?? await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), DisputeData.Clearance599);
        var client = buyer.Client(Api);
        var placed = await client.PostJsonAsync("/v1/me/orders", JsonSerializer.Serialize(new { listing_id = listing, quantity = 1 }));
        var order = await placed.JsonAsync();
        Assert.True(placed.StatusCode == HttpStatusCode.Created, order.ToString());
        var id = order.GetProperty("id").GetString()!;
        var captured = await client.PostAsync($"/v1/me/orders/{id}/capture", null);
        Assert.True(captured.StatusCode == HttpStatusCode.OK, (await captured.JsonAsync()).ToString());
        return id;
    }

    private static async Task<JsonElement> OpenAsync(HttpClient client, string orderId, string body = Damaged, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostJsonAsync($"/v1/me/orders/{orderId}/disputes", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {json}");
        return json;
    }

    [Fact]
    public async Task The_buyer_opens_a_dispute_that_holds_escrow_and_reads_it_back()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        var client = buyer.Client(Api);

        var opened = await OpenAsync(client, orderId);
        var id = opened.GetProperty("id").GetString()!;
        Assert.StartsWith("dsp_", id);
        Assert.Equal("awaiting_seller", opened.GetProperty("status").GetString());
        Assert.Equal(buyer.Id, opened.GetProperty("opened_by").GetString());
        Assert.Equal("delivered", opened.GetProperty("text_status").GetString());
        Assert.Equal(OrderStatus.Disputed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.opened"));

        var mine = await (await client.GetAsync("/v1/me/disputes")).JsonAsync();
        Assert.Equal(id, Assert.Single(mine.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var one = await (await client.GetAsync($"/v1/me/disputes/{id}")).JsonAsync();
        Assert.Equal(orderId, one.GetProperty("order_id").GetString());
        // The brand sees it too.
        var brandView = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/disputes/{id}")).JsonAsync();
        Assert.Equal("The left arm is torn and a leg is snapped; photos to follow.", brandView.GetProperty("text").GetString());

        // Again: one open dispute per order.
        await (await client.PostJsonAsync($"/v1/me/orders/{orderId}/disputes", Damaged)).AssertErrorAsync(HttpStatusCode.Conflict, "dispute_exists");
    }

    [Fact]
    public async Task Another_buyer_or_brand_sees_nothing_and_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var stranger = await TestAccount.CreateAsync(Api, brand, "Someone Else");
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        var otherBrand = await NewBrandAsync();
        var foreigner = await TestAccount.CreateAsync(Api, otherBrand);

        foreach (var intruder in new[] { stranger, foreigner })
            await (await intruder.Client(Api).PostJsonAsync($"/v1/me/orders/{orderId}/disputes", Damaged)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        Assert.Equal(OrderStatus.Paid, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);

        var id = (await OpenAsync(buyer.Client(Api), orderId)).GetProperty("id").GetString()!;
        foreach (var intruder in new[] { stranger, foreigner })
        {
            var c = intruder.Client(Api);
            await (await c.GetAsync($"/v1/me/disputes/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
            Assert.Empty((await (await c.GetAsync("/v1/me/disputes")).JsonAsync()).GetProperty("data").EnumerateArray());
            await (await c.GetAsync($"/v1/disputes/{id}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
            await (await c.PostJsonAsync($"/v1/disputes/{id}/messages", """{"text":"hello"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        }
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.DisputeMessages.AnyAsync());
        Assert.Single(await db.Disputes.ToListAsync());

        // Partner keys are not user tokens; a user token is not a partner key.
        await (await Api.ClientWith(brand.AdminKey).PostJsonAsync($"/v1/me/orders/{orderId}/disputes", Damaged)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await buyer.Client(Api).GetAsync("/v1/disputes")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DisputeData.ResolveAsync(buyer.Client(Api), id, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Only_a_paid_order_can_be_disputed()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        foreach (var status in new[] { OrderStatus.Completed, OrderStatus.Refunded, OrderStatus.PendingPayment })
        {
            await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
                await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, status));
            var error = await (await buyer.Client(Api).PostJsonAsync($"/v1/me/orders/{orderId}/disputes", Damaged)).AssertErrorAsync(HttpStatusCode.Conflict, "order_not_disputable");
            Assert.Contains(status, error.GetProperty("message").GetString());
        }
        await (await buyer.Client(Api).PostJsonAsync("/v1/me/orders/ord_nothing/disputes", Damaged)).AssertErrorAsync(HttpStatusCode.NotFound, "order_not_found");
        await using var check = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await check.Disputes.AnyAsync());
        Assert.Empty(await MoneyData.EventsAsync(Api, brand.Id, "dispute.opened"));
    }

    [Fact]
    public async Task Concurrent_opens_one_201_one_409()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => buyer.Client(Api).PostJsonAsync($"/v1/me/orders/{orderId}/disputes", Damaged)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            await loser.AssertErrorAsync(HttpStatusCode.Conflict, "dispute_exists");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Single(await db.Disputes.ToListAsync());
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.opened"));
    }

    [Theory]
    [InlineData("""{}""", "reason_required")]
    [InlineData("""{"reason":"late","text":"x"}""", "reason_invalid")]
    [InlineData("""{"reason":"damaged"}""", "text_required")]
    [InlineData("""{"reason":"damaged","text":["x"]}""", "text_invalid")]
    [InlineData("""{"reason":"damaged","text":"nul\u0000here"}""", "text_invalid")]
    [InlineData("""{"reason":"damaged","text":"x","amount":5}""", "amount_unknown")]
    public async Task Bad_openings_are_400_and_nothing_changes(string body, string code)
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        var error = await (await buyer.Client(Api).PostJsonAsync($"/v1/me/orders/{orderId}/disputes", body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, error.ErrorCodes());
        Assert.Equal(OrderStatus.Paid, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
    }

    [Fact]
    public async Task Oversized_malformed_and_invalid_utf8_openings_are_4xx()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        var client = buyer.Client(Api);
        var url = $"/v1/me/orders/{orderId}/disputes";
        await (await client.PostJsonAsync(url, JsonSerializer.Serialize(new { reason = "other", text = new string('x', 1024 * 1024) }))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await client.PostJsonAsync(url, "{\"reason\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        var invalid = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"reason\":\"other\",\"text\":\"caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        invalid.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(url, invalid)).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
    }

    [Fact]
    public async Task Both_sides_exchange_evidence_and_never_see_the_others_held_messages()
    {
        var brand = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer);
        // The opening text carries a phone number: held, kept, shown to the buyer only.
        var opened = await OpenAsync(buyer.Client(Api), orderId, """{"reason":"not_as_described","text":"Not the colour shown. Ring me on 07700 900123."}""");
        var id = opened.GetProperty("id").GetString()!;
        Assert.Equal("held", opened.GetProperty("text_status").GetString());
        var partner = Api.ClientWith(brand.AdminKey);
        var brandView = await (await partner.GetAsync($"/v1/disputes/{id}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, brandView.GetProperty("text").ValueKind);
        Assert.Equal(JsonValueKind.Null, brandView.GetProperty("text_status").ValueKind);

        async Task<JsonElement> Post(HttpClient c, string text)
        {
            var r = await c.PostJsonAsync($"/v1/disputes/{id}/messages", JsonSerializer.Serialize(new { text }));
            var j = await r.JsonAsync();
            Assert.True(r.StatusCode == HttpStatusCode.Created, j.ToString());
            return j;
        }
        async Task<List<string?>> Seen(HttpClient c) =>
            [.. (await (await c.GetAsync($"/v1/disputes/{id}/messages")).JsonAsync()).GetProperty("data").EnumerateArray().Select(m => m.GetProperty("text").GetString())];

        Assert.Equal("buyer", (await Post(buyer.Client(Api), "Here is a photo of the wrong shade.")).GetProperty("author_side").GetString());
        Assert.Equal("held", (await Post(buyer.Client(Api), "Or email me at alex dot morgan at gmail dot com")).GetProperty("status").GetString());
        Assert.Equal("held", (await Post(partner, "WhatsApp us on 07700 900456 to settle it")).GetProperty("status").GetString());
        Assert.Equal("awaiting_seller", (await DisputeData.DisputeAsync(Api, brand.Id, id)).Status);
        await Post(partner, "The listing photos show this exact sofa under daylight.");
        Assert.Equal("awaiting_buyer", (await DisputeData.DisputeAsync(Api, brand.Id, id)).Status);
        await Post(buyer.Client(Api), "Daylight or not, it is grey, not blue.");
        Assert.Equal("under_review", (await DisputeData.DisputeAsync(Api, brand.Id, id)).Status);

        Assert.Equal(["Here is a photo of the wrong shade.", "The listing photos show this exact sofa under daylight.", "Daylight or not, it is grey, not blue."],
            (await Seen(partner)).Where(t => !t!.StartsWith("WhatsApp", StringComparison.Ordinal)));
        Assert.DoesNotContain("Or email me at alex dot morgan at gmail dot com", await Seen(partner));
        Assert.Contains("WhatsApp us on 07700 900456 to settle it", await Seen(partner));
        Assert.DoesNotContain("WhatsApp us on 07700 900456 to settle it", await Seen(buyer.Client(Api)));
        Assert.Contains("Or email me at alex dot morgan at gmail dot com", await Seen(buyer.Client(Api)));
        Assert.Equal(5, (await Seen(Api.ClientWith(await DisputeData.OperatorKeyAsync(Api)))).Count);
    }

    [Fact]
    public async Task A_consumer_seller_answers_for_its_trade_in_and_the_operator_settles_it_end_to_end()
    {
        var brand = await NewBrandAsync();
        var (seller, listingId) = await TestAccount.CreateSellerAsync(Api, brand);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var orderId = await BuyersPaidOrderAsync(brand, buyer, listingId);
        var id = (await OpenAsync(buyer.Client(Api), orderId, """{"reason":"not_received","text":"Nothing has arrived after two weeks."}""")).GetProperty("id").GetString()!;

        var mine = await (await seller.Client(Api).GetAsync("/v1/me/disputes")).JsonAsync();
        Assert.Equal(id, Assert.Single(mine.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        var r = await seller.Client(Api).PostJsonAsync($"/v1/disputes/{id}/messages", """{"text":"Collected by the courier on Monday, tracking attached."}""");
        var answer = await r.JsonAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, answer.ToString());
        Assert.Equal("seller", answer.GetProperty("author_side").GetString());
        Assert.Equal("awaiting_buyer", (await DisputeData.DisputeAsync(Api, brand.Id, id)).Status);

        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        Assert.Equal(HttpStatusCode.OK, (await DisputeData.ResolveAsync(op, id, """{"outcome":"release"}""")).StatusCode);
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.Completed, order.Status);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(order.Payout, (await db.CreditCodes.SingleAsync()).Amount);
        }
        var resolved = await (await buyer.Client(Api).GetAsync($"/v1/me/disputes/{id}")).JsonAsync();
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("release", resolved.GetProperty("outcome").GetString());
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        await DisputeData.AssertReconciliationTiesAsync(Api, brand);
    }
}
