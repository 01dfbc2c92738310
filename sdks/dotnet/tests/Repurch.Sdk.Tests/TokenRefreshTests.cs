using System.Net;

namespace Repurch.Sdk.Tests;

/// <summary>A client on a token pair refreshes once on a 401 (or before a known expiry) and hands over the new pair.</summary>
public sealed class TokenRefreshTests
{
    private const string NewPair = """{"access_token":"at_2","refresh_token":"rt_2","expires_in":900,"token_type":"Bearer"}""";
    private const string Page = """{"data":[],"meta":{"page":1,"total_pages":0}}""";

    [Fact]
    public async Task A_401_refreshes_once_and_repeats_the_request_with_the_new_token()
    {
        var fake = new FakeTransport()
            .Answer(HttpStatusCode.Unauthorized, FakeTransport.Error("token_expired", 401))
            .Answer(HttpStatusCode.OK, NewPair)
            .Answer(HttpStatusCode.OK, Page);
        var stored = new List<RepurchTokens>();
        using var repurch = Fakes.Client(fake, tokens: new RepurchTokens("at_1", "rt_1"), onTokens: t =>
        {
            stored.Add(t);
            return Task.CompletedTask;
        });

        await repurch.Api.V1.Listings.GetAsync();

        Assert.Equal("Bearer at_1", fake.Requests[0].Headers["Authorization"]);
        Assert.Equal(HttpMethod.Post, fake.Requests[1].Method);
        Assert.Equal("/v1/auth/refresh", fake.Requests[1].Uri.AbsolutePath);
        Assert.Equal("""{"refresh_token":"rt_1"}""", fake.Requests[1].Body);
        Assert.Equal("Bearer at_2", fake.Requests[2].Headers["Authorization"]);
        Assert.Equal("rt_2", Assert.Single(stored).RefreshToken);
        Assert.Equal("at_2", repurch.Tokens!.AccessToken);
    }

    [Fact]
    public async Task A_second_401_after_the_refresh_is_the_error()
    {
        var fake = new FakeTransport()
            .Answer(HttpStatusCode.Unauthorized, FakeTransport.Error("token_expired", 401))
            .Answer(HttpStatusCode.OK, NewPair)
            .Answer(HttpStatusCode.Unauthorized, FakeTransport.Error("token_revoked", 401));
        using var repurch = Fakes.Client(fake, tokens: new RepurchTokens("at_1", "rt_1"));

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Listings.GetAsync());

        Assert.Equal("token_revoked", error.Code);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task An_expired_pair_is_refreshed_before_the_request_leaves()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.OK, NewPair).Answer(HttpStatusCode.OK, Page);
        using var repurch = Fakes.Client(fake, tokens: new RepurchTokens("at_1", "rt_1", DateTimeOffset.UtcNow.AddSeconds(-1)));

        await repurch.Api.V1.Listings.GetAsync();

        Assert.Equal("/v1/auth/refresh", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal("Bearer at_2", fake.Requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task An_api_key_client_does_not_refresh_on_401()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.Unauthorized, FakeTransport.Error("invalid_api_key", 401));
        using var repurch = Fakes.Client(fake);

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Listings.GetAsync());

        Assert.Equal("invalid_api_key", error.Code);
        Assert.Single(fake.Requests);
    }
}
