using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Repurch.Api.Observability;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

/// <summary>Logs carry brand, request id and trace id, and never a credential, even at the most verbose level.</summary>
public sealed class LoggingTests : ApiTest
{
    [Fact]
    public async Task Requests_with_keys_tokens_and_secrets_log_none_of_them_and_carry_brand_and_trace_ids()
    {
        var brand = await NewBrandAsync();
        var logs = new CapturedLogs();
        await using var node = new ObsNode(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        }, logs);
        var admin = node.Client(brand.AdminKey);

        var pair = await (await admin.PostAsync("/v1/auth/token", null)).JsonAsync();
        var access = pair.GetProperty("access_token").GetString()!;
        var refresh = pair.GetProperty("refresh_token").GetString()!;
        var rotated = await (await node.Client(null).PostJsonAsync("/v1/auth/refresh", $$"""{"refresh_token":"{{refresh}}"}""")).JsonAsync();
        var refresh2 = rotated.GetProperty("refresh_token").GetString()!;
        var access2 = rotated.GetProperty("access_token").GetString()!;
        const string webhookSecret = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw==";
        const string idempotencyKey = "idem-7f3c2a91-secret-ish";

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/listings?api_key={Uri.EscapeDataString(brand.AdminKey)}&token={refresh2}&per_page=5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Client(access2).GetAsync($"/v1/listings?access_token={access2}")).StatusCode);
        var create = new HttpRequestMessage(HttpMethod.Post, "/v1/listings")
        {
            Content = HttpExtensions.JsonContent(Infrastructure.Listings.ValidCreate.Replace("Excellent condition, no pet exposure.", $"Notes {webhookSecret}")),
        };
        create.Headers.Add("Idempotency-Key", idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(create)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync("/v1/listings", $$"""{"title": "{{brand.SandboxAdminKey}}", """)).StatusCode);
        await (await node.Client(brand.AdminKey + "x").GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await node.Client(access + ".forged").GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        // Revoked refresh token re-used: the family is revoked and that is logged, without the token.
        await node.Client(null).PostJsonAsync("/v1/auth/refresh", $$"""{"refresh_token":"{{refresh}}"}""");

        var records = logs.Records.ToList();
        Assert.NotEmpty(records);
        string[] secrets = [brand.AdminKey, brand.SandboxAdminKey, access, access2, refresh, refresh2, webhookSecret, idempotencyKey];
        foreach (var record in records)
        {
            var text = record.AllText();
            foreach (var secret in secrets)
            {
                // The whole secret, its random part, and the JWTs' signatures.
                var tail = secret.Contains('.') ? secret[(secret.LastIndexOf('.') + 1)..] : secret[Math.Min(11, secret.Length / 2)..];
                Assert.False(text.Contains(secret, StringComparison.Ordinal) || text.Contains(tail, StringComparison.Ordinal),
                    $"a secret was logged by {record.Category} ({record.Level}): {text}");
                Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.Ordinal);
            }
        }

        var lines = records.Where(r => r.Category == RequestTelemetryMiddleware.LogCategory).ToList();
        var listed = lines.First(r => r.Message.StartsWith("GET /v1/listings answered 200", StringComparison.Ordinal));
        Assert.Equal(brand.Id, listed.Scope("brand_id"));
        Assert.Equal("live", listed.Scope("plane"));
        Assert.Matches("^[0-9a-f]{32}$", listed.Scope("trace_id") as string ?? "");
        Assert.False(string.IsNullOrEmpty(listed.Scope("request_id") as string));
        Assert.DoesNotContain("?", listed.Message);
        // Logs written deeper in the request (authorization's, at this level) carry the same scope.
        var traceId = (string)listed.Scope("trace_id")!;
        Assert.Contains(records, r => r.Category.StartsWith("Microsoft.AspNetCore.Authorization", StringComparison.Ordinal)
            && (string?)r.Scope("trace_id") == traceId && (string?)r.Scope("brand_id") == brand.Id);
        // An unauthenticated request has a trace id but no brand.
        var anonymous = lines.First(r => r.Message.StartsWith("POST /v1/auth/refresh", StringComparison.Ordinal));
        Assert.Null(anonymous.Scope("brand_id"));
        Assert.Matches("^[0-9a-f]{32}$", anonymous.Scope("trace_id") as string ?? "");
    }

    [Fact]
    public void The_json_console_format_flattens_scopes_and_redacts_credentials()
    {
        var formatter = new JsonLogFormatter();
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new RequestLogScope("brand-x", "live", "0HN:00000001", "4bf92f3577b34da6a3ce929d0e0e4736"));
        const string key = "re_pk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        var state = new Dictionary<string, object?> { ["Key"] = key, ["Count"] = 3, ["{OriginalFormat}"] = "x" }.ToList();
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Warning, "Test", new EventId(7), state,
            new InvalidOperationException("token re_rt_test_ZZZZZZZZZZZZZZZZZZZZZZZZ"),
            (_, _) => $"Authorization: Bearer {key} url /x?api_key=abc123&page=2 secret whsec_QUJDREVG jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        var writer = new StringWriter();
        formatter.Write(entry, scopes, writer);

        var output = writer.ToString();
        Assert.EndsWith(Environment.NewLine, output);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("warning", json.GetProperty("level").GetString());
        Assert.Equal("Test", json.GetProperty("category").GetString());
        Assert.Equal(7, json.GetProperty("event_id").GetInt32());
        Assert.Equal("brand-x", json.GetProperty("brand_id").GetString());
        Assert.Equal("live", json.GetProperty("plane").GetString());
        Assert.Equal("0HN:00000001", json.GetProperty("request_id").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.GetProperty("trace_id").GetString());
        Assert.Equal(3, json.GetProperty("fields").GetProperty("Count").GetInt32());
        Assert.Equal("Authorization: Bearer [REDACTED] url /x?api_key=[REDACTED]&page=2 secret whsec_[REDACTED] jwt [REDACTED]",
            json.GetProperty("message").GetString());
        Assert.Equal("re_pk_live_[REDACTED]", json.GetProperty("fields").GetProperty("Key").GetString());
        Assert.Contains("re_rt_test_[REDACTED]", json.GetProperty("exception").GetString());
        Assert.DoesNotContain("AbCdEf", output);
        Assert.DoesNotContain("ZZZZ", output);
        Assert.DoesNotContain("abc123", output);
        Assert.DoesNotContain("QUJDREVG", output);
        Assert.DoesNotContain("c2lnbmF0dXJl", output);
    }
}
