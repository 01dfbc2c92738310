using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// Links, with or without a scheme: the platform's and the brand's own domains (and their
/// subdomains) are fine; messaging-app links are contact details; shorteners hide where they go;
/// a domain whose name imitates the platform, PayPal or the brand is a lookalike; any other
/// domain is a link off the platform.
/// </summary>
internal static partial class LinkDetector
{
    private const string BareTlds =
        "com|co\\.uk|org\\.uk|me\\.uk|ltd\\.uk|uk|net|org|io|ly|gl|me|info|biz|xyz|top|site|online|shop|store|app|link|click|live|" +
        "ru|cn|tk|ml|ga|cf|gq|pw|cc|ws|gd|us|de|fr|eu|nl|es|it|pl|su|cash|pay|money|buzz|icu|club|vip|win|bid|loan|today|website|" +
        "space|tech|page|help|support|services|center|life|world|digital|net\\.uk|co|ai|tv|fm|am|at|ie";

    /// <summary>Shorteners under a top-level domain too rare in prose to read bare (<c>rb.gy/4k2mz</c>).</summary>
    private const string ShortHosts = @"rb\.gy|bit\.do|u\.to|s\.id|v\.gd|is\.gd";

    [GeneratedRegex(@"\b(?:(?:https?|hxxps?|ftp)://|www\.)[^\s<>""'()\[\]{}]+|(?<![@\w.-])(?:" + ShortHosts + @")(?:/[^\s<>""']*)?|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + BareTlds + @")\b(?!\.\w)(?:[/?#][^\s<>""']*)?", RegexOptions.CultureInvariant)]
    private static partial Regex LinkRegex();

    private static readonly FrozenSet<string> Shorteners = new[]
    {
        "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc",
        "rb.gy", "s.id", "t.ly", "bl.ink", "short.io", "lnkd.in", "v.gd", "shorte.st", "adf.ly", "tiny.one", "urlz.fr", "qr.net",
        "bitly.com", "shorturl.com", "clck.ru", "u.to", "soo.gd", "x.co", "po.st", "snip.ly", "linktr.ee", "tr.im", "bit.do", "1url.com",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> MessagingHosts = new[]
    {
        "wa.me", "t.me", "telegram.me", "telegram.org", "m.me", "chat.whatsapp.com", "api.whatsapp.com", "whatsapp.com", "signal.me",
        "snapchat.com", "instagram.com", "ig.me", "kik.me", "viber.com", "discord.gg", "discord.com", "line.me", "wechat.com", "messenger.com",
    }.ToFrozenSet();

    /// <summary>Second-level labels under which the registrable name is one further in (<c>shop.co.uk</c>).</summary>
    private static readonly FrozenSet<string> SecondLevels = new[] { "co", "org", "me", "ltd", "plc", "net", "ac", "gov", "com" }.ToFrozenSet();

    /// <summary>
    /// Shops people name as where they bought something ("from Made.com"): written bare, without a
    /// scheme or a path, they are a name, not a link to follow.
    /// </summary>
    private static readonly FrozenSet<string> WellKnownShops = new[]
    {
        "made.com", "amazon.co.uk", "amazon.com", "ikea.com", "argos.co.uk", "johnlewis.com", "wayfair.co.uk", "dfs.co.uk", "next.co.uk",
        "dunelm.com", "very.co.uk", "habitat.co.uk", "loaf.com", "sofa.com", "furniturevillage.co.uk", "oakfurnitureland.co.uk", "heals.com",
        "marksandspencer.com", "ebay.co.uk", "ebay.com", "etsy.com", "wickes.co.uk", "bandq.co.uk", "diy.com",
    }.ToFrozenSet();

    public static void Detect(NormalisedText t, IReadOnlyList<string> trusted, IReadOnlyList<string> protectedNames, List<Finding> found)
    {
        foreach (Match m in LinkRegex().Matches(t.Text))
        {
            var host = Host(m.Value);
            if (host.Length == 0) continue;
            // A host written with look-alike letters (Cyrillic о in sоfalistic.com) only reads as a
            // trusted one: it is a different domain imitating it.
            var (os, oe) = t.OriginalSpan(m.Index, m.Index + m.Length);
            var homograph = Host(t.Original[os..oe]).Any(c => c > 0x7F);
            if (!homograph && IsUnder(host, trusted)) continue;
            if (!homograph && m.Value == host && WellKnownShops.Contains(host)) continue;
            var type = MessagingHosts.Contains(host) || MessagingHosts.Any(h => host.EndsWith("." + h, StringComparison.Ordinal))
                ? SignalTypes.MessagingApp
                : Shorteners.Contains(host) ? SignalTypes.UrlShortener
                : homograph && IsUnder(host, trusted) || IsLookalike(host, t.Leet.Substring(m.Index, m.Length), protectedNames) ? SignalTypes.LookalikeDomain
                : SignalTypes.Link;
            found.Add(new(type, m.Index, m.Index + m.Length));
        }
    }

    /// <summary>The lower-case host of a link as written (scheme, credentials, port, path and a trailing dot dropped).</summary>
    internal static string Host(string link)
    {
        var s = link;
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var end = s.IndexOfAny(['/', '?', '#']);
        if (end >= 0) s = s[..end];
        var at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        var colon = s.IndexOf(':');
        if (colon >= 0) s = s[..colon];
        s = s.TrimEnd('.', ',', '!', '?', ';');
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s[4..];
        return s;
    }

    /// <summary>Whether <paramref name="host"/> is one of <paramref name="domains"/> or a subdomain of one.</summary>
    internal static bool IsUnder(string host, IReadOnlyList<string> domains)
    {
        foreach (var d in domains)
        {
            if (host == d || (host.Length > d.Length && host.EndsWith(d, StringComparison.Ordinal) && host[^(d.Length + 1)] == '.')) return true;
        }
        return false;
    }

    /// <summary>The registrable label: <c>paypal</c> of <c>secure.paypal.co.uk</c>.</summary>
    internal static string RegistrableLabel(string host)
    {
        var labels = host.Split('.');
        if (labels.Length == 1) return labels[0];
        var i = labels.Length - 2;
        if (i > 0 && SecondLevels.Contains(labels[i]) && labels[^1].Length == 2) i--;
        return labels[i];
    }

    /// <summary>
    /// A domain imitating a protected name: its registrable label (with leet read as letters) holds
    /// the name, or one of its parts is within a small edit distance of it (<c>paypa1-secure</c>,
    /// <c>sofalistic-payments</c>, <c>repurrch</c>). The real domains never get here (they are trusted).
    /// </summary>
    private static bool IsLookalike(string host, string leetLink, IReadOnlyList<string> protectedNames)
    {
        var label = RegistrableLabel(host);
        var leetHost = Host(leetLink);
        var leetLabel = leetHost.Length > 0 ? RegistrableLabel(leetHost) : label;
        foreach (var candidate in new[] { label, leetLabel, host.Replace(".", "", StringComparison.Ordinal) })
        {
            var flat = candidate.Replace("-", "", StringComparison.Ordinal);
            foreach (var name in protectedNames)
            {
                if (name.Length < 4) continue;
                if (flat.Contains(name, StringComparison.Ordinal)) return true;
                foreach (var part in candidate.Split('-'))
                {
                    if (Math.Abs(part.Length - name.Length) <= 2 && EditDistance(part, name) <= (name.Length >= 7 ? 2 : 1)) return true;
                }
            }
        }
        return false;
    }

    internal static int EditDistance(string a, string b)
    {
        if (b.Length > 64) return int.MaxValue;
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            cur.CopyTo(prev);
        }
        return prev[b.Length];
    }
}
