namespace Repurch.Sdk;

/// <summary>
/// Gives every mutation (POST, PUT, PATCH, DELETE) an <c>Idempotency-Key</c> unless the caller set one.
/// It sits outside <see cref="RetryHandler"/>, so every retry of a request sends the same key.
/// </summary>
public sealed class IdempotencyHandler : DelegatingHandler
{
    public const string Header = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsMutation(request.Method) && !request.Headers.Contains(Header))
            request.Headers.TryAddWithoutValidation(Header, Guid.NewGuid().ToString());
        return base.SendAsync(request, cancellationToken);
    }

    public static bool IsMutation(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;
}
