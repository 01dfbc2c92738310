namespace Repurch.Api.Observability;

/// <summary>
/// Every answer carries <c>X-Request-Id</c>: the request id the logs record as <c>request_id</c>, so a
/// partner (or an SDK's error) can quote the one line support needs. Set when the answer starts, so
/// the exception handler's cleared headers and error pages carry it too.
/// </summary>
public static class RequestIdHeader
{
    public const string Name = "X-Request-Id";

    public static IApplicationBuilder UseRequestIdHeader(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[Name] = http.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(http);
        });
}
