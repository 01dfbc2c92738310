using Repurch.Api.Errors;

namespace Repurch.Api.Http;

/// <summary>
/// Endpoint metadata: the most bytes a request body may have, and the answer when it has more
/// (<see cref="Problems.TooLarge"/> unless the endpoint names its own). Declared once per endpoint
/// with <c>.BodyLimit(…)</c> and read by both <see cref="JsonBody"/> and the idempotency
/// middleware, which buffers the body before the endpoint runs and so has to refuse an oversized
/// one first: one number per endpoint. Without it an endpoint gets <see cref="JsonBody.DefaultLimit"/>.
/// </summary>
/// <remarks>
/// Deliberately not ASP.NET Core's <c>IRequestSizeLimitMetadata</c>, which would lower Kestrel's
/// own limit to this number: Kestrel then drops the connection after answering a request whose body
/// is over it, and the client, still sending, often sees a reset instead of the 413. Under Kestrel's
/// outer 16 MB the unread rest is drained and the answer arrives.
/// </remarks>
public sealed class RequestBodyLimit(long bytes, ApiErrorResult? tooLarge = null)
{
    public static RequestBodyLimit Default { get; } = new(JsonBody.DefaultLimit);

    public long Bytes => bytes;

    public ApiErrorResult TooLarge() => tooLarge ?? Problems.TooLarge(bytes);

    /// <summary>The limit of the endpoint the request was routed to, or <see cref="Default"/>.</summary>
    public static RequestBodyLimit For(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() ?? Default;
}
