using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repurch.Api.Features.Money;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Money;

namespace Repurch.Api.Tests.Disputes;

/// <summary>The operator's decisions and the money each one moves.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class ResolveTests : ApiTest
{
    private async Task<(TestBrand Brand, string OrderId, string DisputeId, HttpClient Operator)> DisputedAsync(bool tradeIn = false)
    {
        var brand = await NewBrandAsync();
        var order = tradeIn ? await DisputeData.PaidTradeInOrderAsync(Api, brand) : await DisputeData.PaidOrderAsync(Api, brand);
        var dispute = await DisputeData.OpenAsync(Api, brand.Id, order);
        return (brand, order, dispute.Id, Api.ClientWith(await DisputeData.OperatorKeyAsync(Api)));
    }

    [Fact]
    public async Task Opening_holds_escrow_and_the_sweep_does_not_release_a_disputed_order()
    {
        var brand = await NewBrandAsync();
        var orderId = await DisputeData.PaidOrderAsync(Api, brand);
        var dispute = await DisputeData.OpenAsync(Api, brand.Id, orderId);
        Assert.Equal("awaiting_seller", dispute.Status);
        Assert.Equal(599m, dispute.OrderAmount);
        Assert.Equal(dispute.CreatedAt.AddDays(3), dispute.SellerResponseDueAt);
        Assert.Equal(dispute.CreatedAt.AddDays(14), dispute.DecisionDueAt);
        Assert.Equal(OrderStatus.Disputed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);

        // Its auto-release time has long passed: the sweep still leaves it in escrow.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.ReleaseDueAt, DateTimeOffset.UtcNow.AddDays(-30)));
        var flows = Api.Services.GetRequiredService<OrderFlows>();
        await flows.SweepAsync(Plane.Live, default);
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.Disputed, order.Status);
        Assert.Null(order.CompletedAt);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id)) Assert.False(await db.Payouts.AnyAsync());
        await DisputeData.AssertLedgerAsync(Api, brand.Id);

        var opened = Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.opened"));
        var data = JsonDocument.Parse(opened.Data).RootElement.GetProperty("object");
        Assert.Equal(dispute.Id, data.GetProperty("id").GetString());
        Assert.Equal(orderId, data.GetProperty("order_id").GetString());
        Assert.False(data.TryGetProperty("text", out _), "the buyer's words never go to webhooks");
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Single(await db.AuditLog.Where(a => a.Action == "dispute.opened" && a.TargetId == dispute.Id).ToListAsync());
    }

    [Fact]
    public async Task Refund_returns_the_whole_amount_through_the_provider_and_the_ledger_ties()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        var response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"refund"}""");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("resolved", body.GetProperty("status").GetString());
        Assert.Equal("refund", body.GetProperty("outcome").GetString());
        Assert.Equal("operator", body.GetProperty("resolved_by").GetString());
        Assert.Equal(599m, body.GetProperty("amount_refunded_gbp").GetDecimal());

        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.StartsWith("FAKEREF-", order.ProviderRefundId);
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        var s = await DisputeData.AssertReconciliationTiesAsync(Api, brand);
        Assert.Equal(599m, s.GetProperty("refunds_gbp").GetDecimal());
        Assert.Equal(0m, s.GetProperty("escrow_held_gbp").GetDecimal());
        Assert.Equal(0m, s.GetProperty("commission_gbp").GetDecimal());

        var resolved = Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.resolved"));
        Assert.Equal("refund", JsonDocument.Parse(resolved.Data).RootElement.GetProperty("object").GetProperty("outcome").GetString());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "dispute.resolved");
        Assert.Equal(disputeId, audit.TargetId);
        Assert.NotNull(audit.ActorKeyId);
    }

    [Fact]
    public async Task Release_pays_the_partner_as_a_confirmed_receipt_would()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        var response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"release"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0m, (await response.JsonAsync()).GetProperty("amount_refunded_gbp").GetDecimal());
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.Completed, order.Status);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var payout = await db.Payouts.SingleAsync();
            Assert.Equal(431.18m, payout.Amount);
            Assert.Equal("settled", payout.Status);
        }
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        var s = await DisputeData.AssertReconciliationTiesAsync(Api, brand);
        Assert.Equal(89.85m, s.GetProperty("commission_gbp").GetDecimal());
        Assert.Equal(0m, s.GetProperty("refunds_gbp").GetDecimal());
    }

    [Fact]
    public async Task Partial_refund_splits_escrow_pro_rata_and_the_ledger_ties()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        var response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":149.75}""");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(149.75m, body.GetProperty("amount_refunded_gbp").GetDecimal());

        // Kept £449.25 of £599: commission 89.85 x 449.25/599 = 67.3875 -> 67.39, VAT 13.48, delivery 60 whole, payout the rest.
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.Equal(149.75m, order.RefundedAmount);
        Assert.Equal(67.39m, order.Commission);
        Assert.Equal(13.48m, order.Vat);
        Assert.Equal(60m, order.DeliveryContribution);
        Assert.Equal(308.38m, order.Payout);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Equal(308.38m, (await db.Payouts.SingleAsync()).Amount);
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        var s = await DisputeData.AssertReconciliationTiesAsync(Api, brand);
        Assert.Equal(149.75m, s.GetProperty("refunds_gbp").GetDecimal());
        Assert.Equal(67.39m, s.GetProperty("commission_gbp").GetDecimal());
        Assert.Equal(0m, s.GetProperty("escrow_held_gbp").GetDecimal());

        // The marketplace's view of the order says what went back.
        await using var market = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(149.75m, OrdersEndpoints.View(order).RefundedGbp);
    }

    [Fact]
    public async Task A_large_partial_refund_that_still_covers_the_fees_is_allowed()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();

        // Kept £99: commission £14.85, VAT £2.97, delivery £60, payout £21.18 (£550 back is refused: Bad_decisions_are_400).
        var response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":500}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(21.18m, order.Payout);
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Partial_refund_of_a_consumer_trade_in_issues_credit_for_the_reduced_payout()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync(tradeIn: true);
        var response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":"100"}""");
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        response = await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":100}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Database.OpenConnectionAsync();
            var code = await db.CreditCodes.SingleAsync();
            Assert.Equal(order.Payout, code.Amount);
            Assert.False(await db.Payouts.AnyAsync());
        }
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        await DisputeData.AssertReconciliationTiesAsync(Api, brand);
    }

    [Theory]
    [InlineData("""{}""", "outcome_required")]
    [InlineData("""{"outcome":"refund_all"}""", "outcome_invalid")]
    [InlineData("""{"outcome":5}""", "outcome_invalid")]
    [InlineData("""{"outcome":null}""", "outcome_required")]
    [InlineData("""{"outcome":"partial_refund"}""", "amount_gbp_required")]
    [InlineData("""{"outcome":"partial_refund","amount_gbp":0}""", "amount_gbp_invalid")]
    [InlineData("""{"outcome":"partial_refund","amount_gbp":-5}""", "amount_gbp_invalid")]
    [InlineData("""{"outcome":"partial_refund","amount_gbp":10.005}""", "amount_gbp_invalid")]
    [InlineData("""{"outcome":"partial_refund","amount_gbp":599}""", "amount_gbp_invalid")]
    // Keeping £49 of £599 leaves less than commission £7.35 + VAT £1.47 + delivery £60: the payout would be -£19.82.
    [InlineData("""{"outcome":"partial_refund","amount_gbp":550}""", "amount_gbp_invalid")]
    [InlineData("""{"outcome":"partial_refund","amount_gbp":600}""", "amount_gbp_invalid")]
    [InlineData("""{"outcome":"refund","amount_gbp":10}""", "amount_gbp_not_allowed")]
    [InlineData("""{"outcome":"release","amount_gbp":10}""", "amount_gbp_not_allowed")]
    [InlineData("""{"outcome":"refund","note":"x"}""", "note_unknown")]
    [InlineData("""{"outcome":"refund","outcome":"release"}""", "outcome_duplicate")]
    [InlineData("""{"outcome":"re\u0000fund"}""", "outcome_invalid")]
    public async Task Bad_decisions_are_400_and_change_nothing(string body, string code)
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        var error = await (await DisputeData.ResolveAsync(op, disputeId, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, error.ErrorCodes());
        await AssertUnchangedAsync(brand, orderId, disputeId);
    }

    [Fact]
    public async Task Malformed_oversized_and_non_json_bodies_are_4xx_and_change_nothing()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        await (await DisputeData.ResolveAsync(op, disputeId, """{"outcome":""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await DisputeData.ResolveAsync(op, disputeId, "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var invalidUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"outcome\":\"ref"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("und\"}")]);
        invalidUtf8.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PostAsync($"/v1/disputes/{disputeId}/resolve", invalidUtf8)).StatusCode);
        var big = JsonSerializer.Serialize(new { outcome = "refund", pad = new string('a', 1024 * 1024) });
        await (await DisputeData.ResolveAsync(op, disputeId, big)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var text = new StringContent("""{"outcome":"refund"}""", Encoding.UTF8, "text/plain");
        await (await op.PostAsync($"/v1/disputes/{disputeId}/resolve", text)).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertUnchangedAsync(brand, orderId, disputeId);
    }

    [Fact]
    public async Task A_partner_key_cannot_resolve_even_its_own_dispute()
    {
        var (brand, orderId, disputeId, _) = await DisputedAsync();
        await (await DisputeData.ResolveAsync(Api.ClientWith(brand.AdminKey), disputeId, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var market = await Storefront.CreateAsync(Api);
        await (await DisputeData.ResolveAsync(market.Client, disputeId, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DisputeData.ResolveAsync(Api.ClientWith(null), disputeId, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await AssertUnchangedAsync(brand, orderId, disputeId);
    }

    [Fact]
    public async Task Unknown_and_resolved_disputes()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        await (await DisputeData.ResolveAsync(op, "dsp_nope", """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        await (await DisputeData.ResolveAsync(op, new string('x', 300), """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        Assert.Equal(HttpStatusCode.OK, (await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"release"}""")).StatusCode);
        await (await DisputeData.ResolveAsync(op, disputeId, """{"outcome":"refund"}""")).AssertErrorAsync(HttpStatusCode.Conflict, "dispute_resolved");
        Assert.Equal(OrderStatus.Completed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
    }

    [Fact]
    public async Task Concurrent_decisions_one_wins_and_money_moves_once()
    {
        var (brand, orderId, disputeId, op) = await DisputedAsync();
        var other = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        var answers = await Task.WhenAll(
            DisputeData.ResolveAsync(op, disputeId, """{"outcome":"refund"}"""),
            DisputeData.ResolveAsync(other, disputeId, """{"outcome":"release"}"""),
            DisputeData.ResolveAsync(op, disputeId, """{"outcome":"partial_refund","amount_gbp":50}"""));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            await loser.AssertErrorAsync(HttpStatusCode.Conflict, "dispute_resolved");
        Assert.Single(await MoneyData.EventsAsync(Api, brand.Id, "dispute.resolved"));
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
        await DisputeData.AssertReconciliationTiesAsync(Api, brand);
        var order = await DisputeData.OrderAsync(Api, brand.Id, orderId);
        Assert.Contains(order.Status, new[] { OrderStatus.Refunded, OrderStatus.Completed, OrderStatus.PartiallyRefunded });
    }

    private async Task AssertUnchangedAsync(TestBrand brand, string orderId, string disputeId)
    {
        Assert.Equal("awaiting_seller", (await DisputeData.DisputeAsync(Api, brand.Id, disputeId)).Status);
        Assert.Equal(OrderStatus.Disputed, (await DisputeData.OrderAsync(Api, brand.Id, orderId)).Status);
        Assert.Empty(await MoneyData.EventsAsync(Api, brand.Id, "dispute.resolved"));
        await DisputeData.AssertLedgerAsync(Api, brand.Id);
    }
}
