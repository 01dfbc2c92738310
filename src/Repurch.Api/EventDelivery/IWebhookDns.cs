using System.Net;

namespace Repurch.Api.EventDelivery;

/// <summary>Name resolution for deliveries (a seam so tests can point a name at loopback, as DNS rebinding would).</summary>
public interface IWebhookDns
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}
