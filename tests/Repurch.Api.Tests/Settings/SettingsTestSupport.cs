using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Settings;

/// <summary>Small helpers shared by the settings tests.</summary>
public static class SettingsTestSupport
{
    /// <summary>Asserts that <paramref name="actual"/> is the same JSON as <paramref name="expected"/> (member order ignored).</summary>
    public static void AssertJson(string expected, JsonElement actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(e, a), $"expected {e?.ToJsonString()}\n   got {a?.ToJsonString()}");
    }

    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await request;
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The brand's audit entries, newest first.</summary>
    public static async Task<JsonElement[]> AuditEntriesAsync(HttpClient client)
    {
        var body = await client.GetAsync("/v1/partner/audit-log?per_page=100").OkJsonAsync();
        return [.. body.GetProperty("data").EnumerateArray()];
    }

    /// <summary>A body just over the 256 KB cap, with a valid JSON shape.</summary>
    public static string OversizedBody(string field) => $"{{\"{field}\":\"{new string('a', 300 * 1024)}\"}}";
}
