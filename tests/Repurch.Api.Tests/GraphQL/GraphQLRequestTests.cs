using System.Net;
using System.Text;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.GraphQL;

/// <summary>POST /graphql: auth, limits, read-only, and bodies that are not GraphQL requests.</summary>
public sealed class GraphQLRequestTests : ApiTest
{
    private const string Small = "{ usage { brandId } }";

    [Fact]
    public async Task Auth_is_the_rest_partner_read_policy()
    {
        var brand = await NewBrandAsync();
        var body = JsonSerializer.Serialize(new { query = Small });
        await (await Api.ClientWith(null).PostJsonAsync("/graphql", body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nope").PostJsonAsync("/graphql", body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.WriteOnlyKey).PostJsonAsync("/graphql", body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).PostJsonAsync("/graphql", body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/graphql", body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var ok = await Gql.DataAsync(Api.ClientWith(brand.ReadOnlyKey), Small);
        Assert.Equal(brand.Id, ok.GetProperty("usage").GetProperty("brandId").GetString());
    }

    [Fact]
    public async Task Depth_and_cost_limits_answer_400_with_their_codes()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.ReadOnlyKey);
        var deep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 14)) + "{ name }" + new string('}', 14) + " } } } }";
        var (status, body) = await Gql.PostAsync(client, deep);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("query_too_deep", Gql.FirstCode(body));
        Assert.False(body.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null);

        var fields = "edges { node { id title price status category channel payout url createdAt viewCount } }";
        var costly = "{ " + string.Join(" ", Enumerable.Range(0, 6).Select(i => $"l{i}: listings(first: 100) {{ {fields} }}")) + " }";
        (status, body) = await Gql.PostAsync(client, costly);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("query_too_complex", Gql.FirstCode(body));

        // One such page is within the limit.
        await Gql.DataAsync(client, "{ listings(first: 100) { " + fields + " } }");
        // The standard introspection depth passes.
        await Gql.DataAsync(client, "{ __schema { queryType { name } types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }");
    }

    [Fact]
    public async Task Mutations_and_subscriptions_stay_in_rest()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        foreach (var op in new[] { "mutation { usage { brandId } }", "subscription { usage { brandId } }" })
        {
            var (status, body) = await Gql.PostAsync(client, op);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("extensions").GetProperty("code").GetString() == "mutations_not_supported");
        }
    }

    [Fact]
    public async Task Bad_arguments_are_graphql_errors_with_codes()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        foreach (var (query, code) in new[]
        {
            ("{ listings(first: 101) { totalCount } }", "invalid_argument"),
            ("{ listings(first: 0) { totalCount } }", "invalid_argument"),
            ("{ listings(after: \"bm9wZQ==\") { totalCount } }", "invalid_cursor"),
            ("{ listings(after: \"%%%\") { totalCount } }", "invalid_cursor"),
            ("{ listings(status: \"deleted\") { totalCount } }", "invalid_argument"),
            ("{ orders(status: \"nope\") { totalCount } }", "invalid_argument"),
            ("{ payouts(status: \"nope\") { totalCount } }", "invalid_argument"),
            ("{ webhookDeliveries(status: \"nope\") { totalCount } }", "invalid_argument"),
        })
        {
            var (status, body) = await Gql.PostAsync(client, query);
            Assert.True(status == HttpStatusCode.OK, $"{query}: {body}");
            Assert.Equal(code, Gql.FirstCode(body));
        }
        // Syntax errors, unknown fields and wrongly typed variables fail validation: 400 with GraphQL errors.
        foreach (var (query, variables) in new (string, object?)[]
        {
            ("{ listings { ", null), ("{ nope }", null), ("{ listings(first: \"ten\") { totalCount } }", null),
            ("query($id: Long!) { listing(id: $id) { id } }", new { id = "abc" }),
            ("query($id: Long!) { listing(id: $id) { id } }", null),
        })
        {
            var (status, body) = await Gql.PostAsync(client, query, variables);
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {(int)status} {body}");
            Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
        }
    }

    [Fact]
    public async Task Bodies_that_are_not_graphql_requests_are_4xx_never_500()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostJsonAsync("/graphql", "{\"query\": ")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync("/graphql", "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        foreach (var (json, code) in new[]
        {
            ("{}", "query_required"), ("{\"query\": \"   \"}", "query_required"), ("{\"query\": 5}", "query_invalid"),
            ("{\"query\": \"{ usage { brandId } }\", \"variables\": \"x\"}", "variables_invalid"),
            ("{\"query\": \"{ usage { brandId } }\", \"extensions\": []}", "extensions_invalid"),
            ("{\"extensions\": {\"persistedQuery\": 1}}", "extensions_invalid"),
            ("{\"query\": \"{ usage { brandId } }\", \"nope\": 1}", "nope_unknown"),
            ("{\"query\": \"{ usage { brandId } }\", \"operationName\": 7}", "operationName_invalid"),
            ("{\"query\": \"" + new string('x', 20_001) + "\"}", "query_too_long"),
        })
        {
            var body = await (await client.PostJsonAsync("/graphql", json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(code, body.ErrorCodes());
        }
        await (await client.PostJsonAsync("/graphql", "{\"query\": \"" + new string('x', 70_000) + "\"}")).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await client.PostAsync("/graphql", new StringContent("{ usage { brandId } }", Encoding.UTF8, "application/graphql")))
            .AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        // A control character inside the query text is refused like any other text field.
        var control = await client.PostJsonAsync("/graphql", "{\"query\": \"{ usage { brandId } }\\u0000\"}");
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
    }
}
