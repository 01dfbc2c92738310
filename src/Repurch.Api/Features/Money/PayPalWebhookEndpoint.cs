using Microsoft.AspNetCore.Http.HttpResults;
using Repurch.Api.Errors;
using Repurch.Api.OpenApi;
using Repurch.Api.Payments;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Money;

/// <summary>
/// PayPal's notifications. Nothing in a notification is trusted until PayPal itself has confirmed
/// its signature (the verify-webhook-signature call); only then may a payout settle or fail.
/// </summary>
public static class PayPalWebhookEndpoint
{
    public const long MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapPayPalWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/webhooks/paypal", Receive).WithTags("Payments").NoBearer()
            .WithName("ReceivePayPalWebhook").WithSummary("PayPal webhook receiver")
            .WithDescription("For PayPal only, not for partners. The `PAYPAL-TRANSMISSION-*`, `PAYPAL-CERT-URL` and `PAYPAL-AUTH-ALGO` headers are checked with PayPal's verify-webhook-signature API before anything changes. `PAYMENT.PAYOUTS-ITEM.SUCCEEDED` settles a payout (emitting `payout.settled`); `…FAILED`, `…RETURNED`, `…DENIED`, `…BLOCKED` mark it failed. `CUSTOMER.DISPUTE.CREATED` opens a dispute (reason mapped from PayPal's) on the paid order whose capture is in `disputed_transactions[].seller_transaction_id`, or links the buyer's open dispute on it to PayPal's `dispute_id`; `CUSTOMER.DISPUTE.RESOLVED` resolves it by `dispute_outcome.outcome_code`: `RESOLVED_BUYER_FAVOUR` and `ACCEPTED` refund (`partial_refund` when `amount_refunded` is less than the order amount; PayPal has already returned the money, so only the ledger moves), `RESOLVED_SELLER_FAVOUR`, `RESOLVED_WITH_PAYOUT`, `CANCELED_BY_BUYER` and `DENIED` release escrow; `applied` says whether anything changed. Other verified events are acknowledged and ignored; repeats change nothing.")
            .Errors(MoneyErrors.InvalidSignature,
                CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB."));
        return app;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ApiErrorResult>> Receive(
        HttpContext http, IPaymentProvider provider, OrderFlows flows, IDisputeNotices disputes, DataPlanes planes, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBody) return Problems.TooLarge(MaxBody);
        using var reader = new StreamReader(http.Request.Body);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBody) return Problems.TooLarge(MaxBody);
        var body = new string(buffer, 0, read);

        var verdict = await provider.VerifyWebhookAsync(http.Request.Headers, body, ct);
        if (!verdict.Genuine) return MoneyErrors.InvalidSignature.Result();
        var applied = false;
        if (verdict.Payout is { } notice && notice.PayoutId.Length <= 40)
        {
            // Payout ids are unique across planes; the look-up returns the owning brand only.
            foreach (var plane in Enum.GetValues<Plane>())
            {
                await using var cmd = planes.For(plane).CreateCommand("SELECT payout_brand($1)");
                cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = notice.PayoutId });
                if (await cmd.ExecuteScalarAsync(ct) is string brandId)
                {
                    applied = await flows.ApplyPayoutNoticeAsync(plane, brandId, notice, ct);
                    break;
                }
            }
        }
        if (verdict.Dispute is { } dispute)
        {
            // Capture ids are the provider's; the look-up returns the owning brand and order only.
            foreach (var plane in Enum.GetValues<Plane>())
            {
                await using var cmd = planes.For(plane).CreateCommand("SELECT brand_id, id FROM order_by_capture($1)");
                cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = dispute.CaptureId });
                string? brandId = null, orderId = null;
                await using (var rows = await cmd.ExecuteReaderAsync(ct))
                {
                    if (await rows.ReadAsync(ct)) (brandId, orderId) = (rows.GetString(0), rows.GetString(1));
                }
                if (brandId is not null)
                {
                    applied = await disputes.ApplyAsync(plane, brandId, orderId!, dispute, ct);
                    break;
                }
            }
        }
        return TypedResults.Ok(new WebhookReceipt(true, applied));
    }
}
