using System.Net;
using System.Text;

namespace Repurch.Sdk.Tests;

/// <summary>
/// The innermost handler in place of the network: answers each request with the next scripted
/// response (or throws the scripted exception) and records what was sent, headers and body.
/// </summary>
public sealed class FakeTransport : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<Sent> Requests { get; } = [];

    public sealed record Sent(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string Body);

    public FakeTransport Answer(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null) =>
        Answer(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "", Encoding.UTF8, "application/json") };
            headers?.Invoke(response);
            return response;
        });

    public FakeTransport Answer(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public FakeTransport Fail() => Answer(_ => throw new HttpRequestException("Connection refused"));

    public static string Error(string code, int status, string message = "nope") =>
        $$$"""{"code":"{{{code}}}","message":"{{{message}}}","data":{"status":{{{status}}}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new Sent(request.Method, request.RequestUri!, headers, body));
        if (_answers.Count == 0) throw new InvalidOperationException($"unexpected request {request.Method} {request.RequestUri}");
        var response = _answers.Dequeue()(request);
        response.RequestMessage = request;
        return response;
    }
}
