using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Repurch.Api.EventDelivery;

/// <summary>
/// Keeps webhooks from reaching into our own network (SSRF). URLs are checked when saved and, because
/// DNS can change after that, every delivery connects only to an address checked after resolution
/// (<see cref="ConnectAsync"/>), so a name cannot be re-pointed at 127.0.0.1 or the metadata service.
/// Hosts in <c>REPURCH_WEBHOOK_ALLOW_HOSTS</c> (comma-separated; <c>./run</c> sets <c>127.0.0.1,localhost</c>)
/// are exempt and are the only ones that may use plain http.
/// </summary>
public sealed class WebhookUrlGuard
{
    private readonly HashSet<string> _allowHosts;
    private readonly IWebhookDns _dns;

    public WebhookUrlGuard(IOptions<WebhookOptions> options, IWebhookDns dns)
    {
        _dns = dns;
        _allowHosts = new HashSet<string>(options.Value.AllowHosts, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsAllowListed(string host) => _allowHosts.Contains(host.Trim('[', ']'));

    /// <summary>The validation code for a URL a partner wants to save, or null when it may be saved.</summary>
    public string? Check(string url)
    {
        if (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo) || url.Contains('#'))
        {
            return "url_invalid";
        }
        if (IsAllowListed(uri.Host)) return null;
        if (uri.Scheme != "https") return "url_insecure";
        var host = uri.Host.Trim('[', ']').TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            return "url_forbidden_host";
        }
        if (IPAddress.TryParse(host, out var ip) && !IsPublic(ip)) return "url_forbidden_host";
        return null;
    }

    /// <summary>True for addresses on the public internet; false for loopback, private, link-local (metadata), CGNAT, multicast and reserved ranges.</summary>
    public static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6None)) return false;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))); // benchmarking
        }
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = ip.GetAddressBytes();
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // unique local fc00::/7 (includes fd00:ec2::254)
                || ip.IsIPv4MappedToIPv6 || ip.IsIPv6Teredo
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // documentation
        }
        return false;
    }

    /// <summary>
    /// The delivery client's connect step: resolve, refuse unless every address is public (or the
    /// host is allow-listed), and connect to the address that was checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await _dns.ResolveAsync(host, ct);
        if (addresses.Length == 0) throw new WebhookBlockedException($"{host} did not resolve");
        if (!IsAllowListed(host) && addresses.FirstOrDefault(a => !IsPublic(a)) is { } bad)
            throw new WebhookBlockedException($"{host} resolves to a non-public address ({bad})");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
