using System.Net;
using Repurch.Sdk.Generated.Models;

namespace Repurch.Sdk.Tests;

/// <summary>What every call gets from the pipeline: idempotency keys, retries, typed errors, the User-Agent.</summary>
public sealed class TransportTests
{
    private const string Redeemed = """{"id":"red_1","amount_gbp":291.2,"order_reference":"WEB-1001","valid":true}""";
    private static readonly CodeCheck Check = new() { Code = "RP-AAAA", OrderReference = "WEB-1001" };

    [Fact]
    public async Task A_mutation_is_retried_on_5xx_under_the_same_idempotency_key()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.BadGateway).Answer(HttpStatusCode.OK, Redeemed);
        var waits = new List<TimeSpan>();
        using var repurch = Fakes.Client(fake, waits);

        var redemption = await repurch.Api.V1.Codes.Redeem.PostAsync(Check);

        Assert.Equal(291.2m, redemption!.AmountGbp);
        Assert.Equal(3, fake.Requests.Count);
        var key = fake.Requests[0].Headers["Idempotency-Key"];
        Assert.True(Guid.TryParse(key, out _));
        Assert.All(fake.Requests, r => Assert.Equal(key, r.Headers["Idempotency-Key"]));
        Assert.All(fake.Requests, r => Assert.Contains("\"order_reference\":\"WEB-1001\"", r.Body));
        Assert.Equal(2, waits.Count);
    }

    [Fact]
    public async Task Each_mutation_gets_its_own_key_and_a_callers_key_is_kept()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.OK, Redeemed).Answer(HttpStatusCode.OK, Redeemed).Answer(HttpStatusCode.OK, Redeemed);
        using var repurch = Fakes.Client(fake);

        await repurch.Api.V1.Codes.Redeem.PostAsync(Check);
        await repurch.Api.V1.Codes.Redeem.PostAsync(Check);
        await repurch.Api.V1.Codes.Redeem.PostAsync(Check, r => r.Headers.Add("Idempotency-Key", "checkout-42"));

        Assert.NotEqual(fake.Requests[0].Headers["Idempotency-Key"], fake.Requests[1].Headers["Idempotency-Key"]);
        Assert.Equal("checkout-42", fake.Requests[2].Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_get_has_no_idempotency_key()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.OK, """{"data":[],"meta":{"page":1,"total_pages":0}}""");
        using var repurch = Fakes.Client(fake);

        await repurch.Api.V1.Listings.GetAsync();

        Assert.False(fake.Requests[0].Headers.ContainsKey("Idempotency-Key"));
        Assert.Equal("Bearer re_pk_test_abc", fake.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_429_waits_for_its_retry_after()
    {
        var fake = new FakeTransport()
            .Answer(HttpStatusCode.TooManyRequests, FakeTransport.Error("rate_limited", 429), r => r.Headers.Add("Retry-After", "7"))
            .Answer(HttpStatusCode.OK, Redeemed);
        var waits = new List<TimeSpan>();
        using var repurch = Fakes.Client(fake, waits);

        await repurch.Api.V1.Codes.Redeem.PostAsync(Check);

        Assert.Equal([TimeSpan.FromSeconds(7)], waits);
    }

    [Fact]
    public async Task A_409_idempotency_key_in_use_is_retried_but_another_409_is_not()
    {
        var fake = new FakeTransport()
            .Answer(HttpStatusCode.Conflict, FakeTransport.Error("idempotency_key_in_use", 409))
            .Answer(HttpStatusCode.Conflict, FakeTransport.Error("code_already_redeemed", 409, "already redeemed"));
        using var repurch = Fakes.Client(fake);

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Codes.Redeem.PostAsync(Check));

        Assert.Equal("code_already_redeemed", error.Code);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData(HttpStatusCode.NotFound, "not_found")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "code_other_brand")]
    public async Task Another_4xx_is_not_retried_and_throws_the_typed_error(HttpStatusCode status, string code)
    {
        var fake = new FakeTransport().Answer(status, FakeTransport.Error(code, (int)status, "the message"), r => r.Headers.Add("Request-Id", "req_123"));
        var waits = new List<TimeSpan>();
        using var repurch = Fakes.Client(fake, waits);

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Codes.Redeem.PostAsync(Check));

        Assert.Single(fake.Requests);
        Assert.Empty(waits);
        Assert.Equal((int)status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal("the message", error.Message);
        Assert.Equal((int)status, error.Data!.Value.GetProperty("status").GetInt32());
        Assert.Equal("req_123", error.RequestId);
    }

    [Fact]
    public async Task A_body_that_is_not_the_error_shape_keeps_the_status()
    {
        var fake = new FakeTransport().Answer(_ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>proxy</html>") });
        using var repurch = Fakes.Client(fake);

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Listings.GetAsync());

        Assert.Equal("http_403", error.Code);
        Assert.Null(error.RequestId);
    }

    [Fact]
    public async Task Connection_errors_are_retried_then_surface_as_a_connection_error()
    {
        var fake = new FakeTransport().Fail().Answer(HttpStatusCode.OK, Redeemed);
        using (var repurch = Fakes.Client(fake))
        {
            Assert.Equal("red_1", (await repurch.Api.V1.Codes.Redeem.PostAsync(Check))!.Id);
        }
        Assert.Equal(fake.Requests[0].Headers["Idempotency-Key"], fake.Requests[1].Headers["Idempotency-Key"]);

        var down = new FakeTransport().Fail().Fail().Fail();
        using var offline = Fakes.Client(down, maxRetries: 2);
        await Assert.ThrowsAsync<RepurchConnectionException>(() => offline.Api.V1.Codes.Redeem.PostAsync(Check));
        Assert.Equal(3, down.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_max_retries_with_the_last_answer()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.InternalServerError).Answer(HttpStatusCode.InternalServerError);
        using var repurch = Fakes.Client(fake, maxRetries: 1);

        var error = await Assert.ThrowsAsync<RepurchException>(() => repurch.Api.V1.Codes.Redeem.PostAsync(Check));

        Assert.Equal(500, error.Status);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        var retry = new RetryHandler(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3), (_, _) => Task.CompletedTask);
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(retry.Backoff(0).TotalMilliseconds, 250, 500);
            Assert.InRange(retry.Backoff(2).TotalMilliseconds, 1000, 2000);
            Assert.InRange(retry.Backoff(10).TotalMilliseconds, 1500, 3000);
        }
    }

    [Fact]
    public async Task It_sends_its_user_agent_with_the_sdk_version()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.OK, """{"data":[],"meta":{"page":1,"total_pages":0}}""");
        using var repurch = Fakes.Client(fake);

        await repurch.Api.V1.Listings.GetAsync();

        Assert.Equal("repurch-dotnet/" + SdkVersion.Value, fake.Requests[0].Headers["User-Agent"]);
        // The version in the User-Agent is the project's <Version>.
        Assert.Equal(SdkVersion.Value, typeof(RepurchClient).Assembly.GetName().Version!.ToString(3));
    }
}
