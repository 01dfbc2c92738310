using System.Net;
using System.Net.Sockets;

namespace Repurch.Api.EventDelivery;

public sealed class WebhookBlockedException(string message) : Exception(message);
