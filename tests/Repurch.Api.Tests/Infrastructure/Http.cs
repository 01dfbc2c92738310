using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Repurch.Api.Tests.Infrastructure;

public static class HttpExtensions
{
    public static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, JsonContent(json));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, JsonContent(json));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"expected JSON, got {response.Content.Headers.ContentType} for {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the project's error shape with the given status and code; returns the body.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.JsonAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal((int)status, body.GetProperty("data").GetProperty("status").GetInt32());
        return body;
    }

    public static string[] ErrorCodes(this JsonElement errorBody) =>
        errorBody.GetProperty("data").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}

public static class Listings
{
    public const string ValidCreate = """
        {
          "title": "Grey velvet corner sofa",
          "description": "Excellent condition, no pet exposure.",
          "channel": "clearance",
          "price_gbp": 899.00,
          "rrp_gbp": 1899.00,
          "condition": "like-new",
          "category": "Corner Sofas",
          "brand": "DFS",
          "colour": "Grey",
          "fabric": "Velvet",
          "age_years": "1 year old",
          "delivery_contribution_gbp": 60,
          "sku": "FCO-VE-CN-0011"
        }
        """;

    public static async Task<long> CreateAsync(HttpClient client, string json = ValidCreate)
    {
        var response = await client.PostJsonAsync("/v1/listings", json);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetInt64();
    }
}
