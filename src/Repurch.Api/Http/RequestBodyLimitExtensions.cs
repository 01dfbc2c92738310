using Repurch.Api.Errors;

namespace Repurch.Api.Http;

public static class RequestBodyLimitExtensions
{
    /// <summary>Caps this endpoint's request body at <paramref name="bytes"/> (see <see cref="RequestBodyLimit"/>).</summary>
    public static TBuilder BodyLimit<TBuilder>(this TBuilder builder, long bytes, ApiErrorResult? tooLarge = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(bytes, tooLarge));
}
