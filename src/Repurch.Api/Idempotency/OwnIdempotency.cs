namespace Repurch.Api.Idempotency;

/// <summary>Marks an endpoint that handles <c>Idempotency-Key</c> itself (so its body is never buffered by the middleware).</summary>
public sealed class OwnIdempotency;
