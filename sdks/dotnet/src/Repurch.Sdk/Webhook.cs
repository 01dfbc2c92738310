using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Repurch.Sdk;

/// <summary>Standard Webhooks signatures: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>.</summary>
public static class Webhook
{
    private const string SecretPrefix = "whsec_";

    /// <summary>How far <c>webhook-timestamp</c> may be from now by default: older deliveries are replays.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Checks a delivery's <c>webhook-signature</c> (space-separated <c>v1,&lt;base64&gt;</c> entries: the API
    /// signs with every secret valid during a rotation) against any of <paramref name="secrets"/>, and that
    /// <c>webhook-timestamp</c> is within the tolerance. Pass the raw body, before parsing it.
    /// Returns the parsed event, or throws <see cref="WebhookVerificationException"/>.
    /// </summary>
    /// <param name="header">Reads a request header by its name (e.g. <c>name =&gt; request.Headers[name]</c>).</param>
    public static WebhookEvent Verify(byte[] payload, Func<string, string?> header, IEnumerable<string> secrets, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(secrets);
        var id = header("webhook-id");
        var timestamp = header("webhook-timestamp");
        var signature = header("webhook-signature");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            throw new WebhookVerificationException("missing webhook-id, webhook-timestamp or webhook-signature");
        if (!timestamp.All(char.IsAsciiDigit) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
        var current = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        if (Math.Abs(current - seconds) > (tolerance ?? DefaultTolerance).TotalSeconds)
            throw new WebhookVerificationException("webhook-timestamp is outside the tolerance window");
        var keys = secrets.ToList();
        if (keys.Count == 0) throw new ArgumentException("pass at least one webhook secret", nameof(secrets));
        var sent = signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Base64OrEmpty(s[3..]))
            .ToList();
        var matches = keys.Any(secret =>
        {
            var expected = Mac(secret, id, seconds, payload);
            return sent.Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
        });
        if (!matches) throw new WebhookVerificationException("no webhook-signature matches the secret");
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement.Clone();
            return new WebhookEvent(
                root.TryGetProperty("id", out var eventId) ? eventId.GetString() ?? "" : "",
                root.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "",
                root.TryGetProperty("created_at", out var created) && created.ValueKind == JsonValueKind.String ? created.GetString() : null,
                root);
        }
        catch (JsonException error)
        {
            throw new WebhookVerificationException("the payload is not JSON", error);
        }
    }

    /// <summary>The <c>webhook-signature</c> entry <c>v1,&lt;base64&gt;</c> for a payload (for tests and for re-signing).</summary>
    public static string Sign(string secret, string id, long timestamp, byte[] payload) =>
        "v1," + Convert.ToBase64String(Mac(secret, id, timestamp, payload));

    /// <summary>HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> under the secret's key bytes (base64 after <c>whsec_</c>).</summary>
    private static byte[] Mac(string secret, string id, long timestamp, byte[] payload)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) throw new ArgumentException("a webhook secret starts with whsec_", nameof(secret));
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        byte[] message = [.. prefix, .. payload];
        return HMACSHA256.HashData(key, message);
    }

    private static byte[] Base64OrEmpty(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
