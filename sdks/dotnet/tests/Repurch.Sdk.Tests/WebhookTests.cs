using System.Text;

namespace Repurch.Sdk.Tests;

/// <summary>Webhook.Verify: the Standard Webhooks signature, the tolerance window, several signatures, rotation.</summary>
public sealed class WebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Previous = "whsec_dGhlIHByZXZpb3VzIHNlY3JldCBieXRlcw==";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"listing.created","data":{"object":{"id":7}}}""");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static Func<string, string?> Headers(string signature, long timestamp = 1_800_000_000, string id = "evt_1") =>
        name => name switch
        {
            "webhook-id" => id,
            "webhook-timestamp" => timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "webhook-signature" => signature,
            _ => null,
        };

    [Fact]
    public void A_signed_delivery_verifies_and_parses()
    {
        var webhook = Webhook.Verify(Body, Headers(Webhook.Sign(Secret, "evt_1", 1_800_000_000, Body)), [Secret], now: Now);

        Assert.Equal("evt_1", webhook.Id);
        Assert.Equal("listing.created", webhook.Type);
        Assert.Equal(7, webhook.Data!.Value.GetProperty("object").GetProperty("id").GetInt32());
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_id_timestamp_and_body_under_the_decoded_secret()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evt_1.1800000000." + Encoding.UTF8.GetString(Body))));
        Assert.Equal("v1," + expected, Webhook.Sign(Secret, "evt_1", 1_800_000_000, Body));
    }

    [Fact]
    public void A_changed_body_or_a_wrong_secret_is_rejected()
    {
        var signature = Webhook.Sign(Secret, "evt_1", 1_800_000_000, Body);
        var tampered = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"listing.deleted"}""");

        var changed = Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(tampered, Headers(signature), [Secret], now: Now));
        Assert.Equal("no webhook-signature matches the secret", changed.Message);
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, Headers(signature), [Previous], now: Now));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, Headers("v1,not base64!"), [Secret], now: Now));
    }

    [Fact]
    public void A_timestamp_outside_the_tolerance_is_a_replay()
    {
        const long old = 1_800_000_000 - 301;
        var signature = Webhook.Sign(Secret, "evt_1", old, Body);

        var error = Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, Headers(signature, old), [Secret], now: Now));
        Assert.Equal("webhook-timestamp is outside the tolerance window", error.Message);
        Assert.Equal("evt_1", Webhook.Verify(Body, Headers(signature, old), [Secret], tolerance: TimeSpan.FromMinutes(10), now: Now).Id);
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, Headers(Webhook.Sign(Secret, "evt_1", 1_800_000_400, Body), 1_800_000_400), [Secret], now: Now));
    }

    [Fact]
    public void Any_of_several_signatures_may_match_and_either_secret_during_a_rotation()
    {
        // During a rotation the API signs with both secrets; a receiver may know only one of them.
        var both = $"{Webhook.Sign(Previous, "evt_1", 1_800_000_000, Body)} {Webhook.Sign(Secret, "evt_1", 1_800_000_000, Body)}";
        Assert.Equal("evt_1", Webhook.Verify(Body, Headers(both), [Secret], now: Now).Id);
        Assert.Equal("evt_1", Webhook.Verify(Body, Headers(both), [Previous], now: Now).Id);

        var oldOnly = Webhook.Sign(Previous, "evt_1", 1_800_000_000, Body);
        Assert.Equal("evt_1", Webhook.Verify(Body, Headers(oldOnly), [Secret, Previous], now: Now).Id);
    }

    [Fact]
    public void Missing_headers_are_rejected()
    {
        var error = Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, _ => null, [Secret], now: Now));
        Assert.Equal("missing webhook-id, webhook-timestamp or webhook-signature", error.Message);
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, name => name == "webhook-timestamp" ? "soon" : "x", [Secret], now: Now));
    }
}
