namespace Repurch.Sdk.Tests;

/// <summary>A client on a fake transport that records its waits instead of sleeping.</summary>
public static class Fakes
{
    public static RepurchClient Client(FakeTransport transport, List<TimeSpan>? waits = null, RepurchTokens? tokens = null,
        Func<RepurchTokens, Task>? onTokens = null, int maxRetries = 3) =>
        RepurchClient.Create(new RepurchClientOptions
        {
            ApiKey = tokens is null ? "re_pk_test_abc" : null,
            Tokens = tokens,
            OnTokens = onTokens,
            BaseUrl = "http://fake.test",
            Transport = transport,
            MaxRetries = maxRetries,
            Delay = (wait, _) =>
            {
                waits?.Add(wait);
                return Task.CompletedTask;
            },
        });
}
