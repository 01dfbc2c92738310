using System.Text.RegularExpressions;

namespace Repurch.Api.Observability;

/// <summary>Masks credentials that might reach a log line by accident: keys, refresh tokens, webhook secrets, bearer values, JWTs, secret query parameters.</summary>
public static partial class LogRedaction
{
    public const string Mask = "[REDACTED]";

    public static string Redact(string text)
    {
        if (text.Length == 0) return text;
        text = BearerValue().Replace(text, m => m.Groups["scheme"].Value + Mask);
        text = Credential().Replace(text, m => m.Groups["prefix"].Value + Mask);
        text = Jwt().Replace(text, Mask);
        return SecretQuery().Replace(text, m => m.Groups["name"].Value + Mask);
    }

    [GeneratedRegex(@"(?<prefix>\b(?:re_(?:pk|rt)_(?:live|test)_|whsec_))[A-Za-z0-9_\-+/=]+")]
    private static partial Regex Credential();

    [GeneratedRegex(@"(?<scheme>\b(?:[Bb]earer|[Bb]asic)\s+)[A-Za-z0-9\-._~+/]+=*")]
    private static partial Regex BearerValue();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<name>[?&;](?:[A-Za-z_]*(?:key|token|secret|signature|sig|password|code))=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQuery();
}
