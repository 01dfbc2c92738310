using System.Net;
using System.Net.Sockets;

namespace Repurch.Api.EventDelivery;

public sealed class SystemWebhookDns : IWebhookDns
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
