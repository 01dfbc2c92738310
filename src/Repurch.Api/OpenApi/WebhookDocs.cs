using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Repurch.Api.EventDelivery;

namespace Repurch.Api.OpenApi;

/// <summary>The Webhooks tag's description: how deliveries work and how to verify them.</summary>
public static class WebhookDocs
{
    public const string Recipe = """
        ```csharp
        // secret: the endpoint's "whsec_…"; id, timestamp, signatures: the webhook-id, webhook-timestamp and
        // webhook-signature headers; body: the raw request body, exactly as received (before any JSON parsing).
        static bool Verify(string secret, string id, string timestamp, string body, string signatures)
        {
            if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp)) > 300) return false; // stale or replayed
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
            return signatures.Split(' ').Any(s => s.StartsWith("v1,") &&
                CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
        }
        ```
        """;

    public static void Add(OpenApiOptions o) => o.AddDocumentTransformer((doc, _, _) =>
    {
        doc.Tags ??= new HashSet<OpenApiTag>();
        doc.Tags.Add(new OpenApiTag
        {
            Name = "Webhooks",
            Description =
                "Every change to a brand's data is an event (`GET /v1/events`), written in the same database transaction as the change, and delivered at least once " +
                "to each enabled endpoint subscribed to its type as `POST` with a JSON body `{id, type, created_at, brand_id, livemode, data: {object}}`. " +
                "Deliveries follow Standard Webhooks (https://www.standardwebhooks.com), so its libraries verify them as they are: headers `webhook-id` (the event id: " +
                "de-duplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>` per valid secret, space-separated). " +
                "Answer 2xx within 10 s; do slow work after answering. Redirects are not followed. Verify like this:\n\n" + Recipe +
                "\n\nEvent types: " + string.Join(", ", WebhookEventTypes.Known.Select(t => $"`{t}`")) + ". Listing events carry the listing detail; settings, warehouse, " +
                "key and endpoint events carry `{id, changes: {field: {from, to}}}` as the audit log shows them (never a secret). " +
                "`message.created` (a message reached its recipient: at once, or when a moderator approved it) and `message.held` (a message waits for " +
                "the brand's moderation) carry `{id, conversation_id, listing_id, status, sender_role, sender_account_id, recipient_role, " +
                "recipient_account_id, version, replaces, text, reasons, validator_version, created_at, delivered_at}`; `text` is null in `message.held`, " +
                "so a held message's text never leaves through webhooks.",
        });
        return Task.CompletedTask;
    });
}
