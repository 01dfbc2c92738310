namespace Repurch.Api.Persistence;

public static class BrandSessionFilter
{
    /// <summary>
    /// Opens the request's <see cref="RepurchDb"/> before the handler runs (see
    /// <see cref="RepurchDb.OpenBrandSessionAsync"/>), so all of its queries share one connection and
    /// one brand session. For endpoints that read no body: nothing slow happens while it is held.
    /// </summary>
    public static TBuilder WithBrandSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            await http.RequestServices.GetRequiredService<RepurchDb>().OpenBrandSessionAsync(http.RequestAborted);
            return await next(context);
        });
}
