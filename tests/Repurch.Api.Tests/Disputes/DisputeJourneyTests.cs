using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Disputes;

/// <summary>A whole dispute as the people in it live it: buy, pay, complain, argue, decide; money and webhooks follow.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class DisputeJourneyTests : ApiTest
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static string Type(WebhookReceiver.Received r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task A_buyer_disputes_a_storefront_order_and_the_operator_splits_the_escrow()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        await OkAsync(await partner.PostJsonAsync("/v1/webhooks/endpoints",
            $$"""{"url":"{{receiver.Url}}","event_types":["dispute.opened","dispute.resolved"]}"""), HttpStatusCode.Created);
        var listing = await Infrastructure.Listings.CreateAsync(partner, DisputeData.Clearance599);
        var buyer = await TestAccount.CreateAsync(Api, brand, "Sam Buyer");
        var client = buyer.Client(Api);

        // Buy and pay as the storefront does, with the buyer's own token.
        var order = await OkAsync(await client.PostJsonAsync("/v1/me/orders", JsonSerializer.Serialize(new { listing_id = listing, quantity = 1 })), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        Assert.Equal("paid", (await OkAsync(await client.PostAsync($"/v1/me/orders/{orderId}/capture", null))).GetProperty("status").GetString());

        // Complain: escrow is held and the brand hears about it.
        var dispute = await OkAsync(await client.PostJsonAsync($"/v1/me/orders/{orderId}/disputes",
            """{"reason":"not_as_described","text":"The listing said no marks but the seat has a large stain."}"""), HttpStatusCode.Created);
        var disputeId = dispute.GetProperty("id").GetString()!;
        Assert.Equal("disputed", (await OkAsync(await client.GetAsync($"/v1/me/orders/{orderId}"))).GetProperty("status").GetString());
        var opened = Assert.Single(await receiver.WaitForAsync(1, r => Type(r) == "dispute.opened"));
        Assert.Contains(disputeId, opened.Body);

        // Both sides give evidence; the brand sees its dispute in its list.
        await OkAsync(await partner.PostJsonAsync($"/v1/disputes/{disputeId}/messages", """{"text":"Our photos before dispatch show a clean seat."}"""), HttpStatusCode.Created);
        await OkAsync(await client.PostJsonAsync($"/v1/disputes/{disputeId}/messages", """{"text":"Here is a photo of the stain taken on delivery day."}"""), HttpStatusCode.Created);
        var brandList = await OkAsync(await partner.GetAsync("/v1/disputes"));
        Assert.Contains(brandList.GetProperty("data").EnumerateArray(), d => d.GetProperty("id").GetString() == disputeId);
        var evidence = await OkAsync(await client.GetAsync($"/v1/disputes/{disputeId}/messages"));
        Assert.True(evidence.GetProperty("data").GetArrayLength() >= 2, evidence.ToString());

        // The operator splits it: £100 back, the rest released pro rata.
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        var resolved = await OkAsync(await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":100}"""));
        Assert.Equal(100m, resolved.GetProperty("amount_refunded_gbp").GetDecimal());
        Assert.Single(await receiver.WaitForAsync(1, r => Type(r) == "dispute.resolved"));

        var final = await OkAsync(await client.GetAsync($"/v1/me/orders/{orderId}"));
        Assert.Equal("partially_refunded", final.GetProperty("status").GetString());
        var mine = await OkAsync(await client.GetAsync($"/v1/me/disputes/{disputeId}"));
        Assert.Equal("resolved", mine.GetProperty("status").GetString());
        Assert.Equal("partial_refund", mine.GetProperty("outcome").GetString());
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        var summary = await DisputeData.AssertReconciliationTiesAsync(Api, brand);
        Assert.Equal(100m, summary.GetProperty("refunds_gbp").GetDecimal());
        Assert.Equal(0m, summary.GetProperty("escrow_held_gbp").GetDecimal());
    }
}
