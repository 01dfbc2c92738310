using System.Security.Cryptography;
using System.Text;

namespace Repurch.Api.Tests.Webhooks;

/// <summary>The receiver-side check from the docs, written as a partner would (no Repurch code).</summary>
public static class WebhookSignatureRecipe
{
    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader, int toleranceSeconds = 300)
    {
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp)) > toleranceSeconds) return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return signatureHeader.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}
