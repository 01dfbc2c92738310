namespace Repurch.Sdk;

/// <summary>Sends <c>repurch-dotnet/&lt;version&gt;</c> (and the caller's suffix) as the User-Agent.</summary>
public sealed class UserAgentHandler(string userAgent) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
