using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repurch.Api.Features.GraphQL;

/// <summary>The POST /graphql body (GraphQL over HTTP, plus the persisted-query forms).</summary>
public sealed record GraphQLQueryRequest(
    [property: Description("The query document. Omit it to run a persisted query by `id` or `extensions.persistedQuery.sha256Hash`.")] string? Query,
    [property: JsonPropertyName("operationName"), Description("Which operation of the document to run, when it has several.")] string? OperationName,
    [property: Description("Values for the document's variables.")] JsonElement? Variables,
    [property: Description("`{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"<hex>\"}}` (Apollo's form) runs a registered query.")] JsonElement? Extensions,
    [property: Description("A registered query's SHA-256 (`<hex>` or `sha256:<hex>`).")] string? Id);
