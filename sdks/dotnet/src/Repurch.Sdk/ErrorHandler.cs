namespace Repurch.Sdk;

/// <summary>
/// The outermost handler: an answer outside 2xx becomes a <see cref="RepurchException"/>, so Kiota's
/// calls and the runtime's raw ones (bulk upload, reports) throw the same typed error.
/// </summary>
public sealed class ErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await RepurchException.FromResponseAsync(response, cancellationToken);
    }
}
