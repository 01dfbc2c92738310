using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// <c>POST /graphql</c>: read-only queries for partner dashboards, under the REST auth (partner admin,
/// <c>read</c>) and the brand session. A body that is not a GraphQL request is a REST-shaped 4xx; a
/// document that fails to parse or validate (depth, cost, mutations, types) is <c>400</c> with GraphQL
/// <c>errors</c>; anything that ran is <c>200</c> with <c>data</c> (and <c>errors</c> for failed fields).
/// </summary>
public static class GraphQLEndpoints
{
    private static readonly string[] Fields = ["query", "operationName", "variables", "extensions", "id"];

    public static IEndpointRouteBuilder MapGraphQLApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/graphql", Execute).WithTags("GraphQL").RequireAuthorization(Policies.PartnerRead)
            .JsonRequest<GraphQLQueryRequest>().BodyLimit(GraphQLLimits.BodyLimit)
            .Produces(200, contentType: "application/json")
            .WithName("GraphQL").WithSummary("Run a read-only GraphQL query")
            .WithDescription("For query-heavy partner dashboards: listings (filters `status`, `channel`, `category`), a listing with its photos, orders, payouts, " +
                "credit codes, webhook endpoints and deliveries, and usage, with Relay cursor pagination (`first` 1-100, `after`, `pageInfo { hasNextPage endCursor }`, `totalCount`). " +
                "The schema is `openapi/schema.graphql`. Same keys, scopes and brand isolation as REST: partner admin keys with `read`. " +
                "**Mutations stay in REST**: a `mutation` or `subscription` is `400` with `errors[].extensions.code` `mutations_not_supported`. " +
                $"Limits: depth {GraphQLLimits.MaxDepth} (`query_too_deep`), cost {GraphQLLimits.MaxCost} (`query_too_complex`; each field 1, a connection multiplies what is under it by `first`), " +
                $"query text {GraphQLLimits.MaxQueryLength} characters, body 64 KB. Persisted queries: send `id` (`sha256:<hex>` or `<hex>`) or `extensions.persistedQuery.sha256Hash` " +
                "of a query registered in `src/Repurch.Api/Features/GraphQL/PersistedQueries/` instead of `query` (unknown: `persisted_query_not_found`). " +
                "A document that does not parse or validate is `400` with GraphQL `errors`; a query that ran is `200` (`invalid_argument` / `invalid_cursor` errors for bad `first`, `after` or filter values).")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("The body is not a GraphQL request: codes in `data.errors` such as `query_required`, `query_too_long`, `query_invalid` (not a string), `variables_invalid`, `extensions_invalid`, `id_invalid`, `<field>_unknown`."),
                CommonErrors.InvalidJson, CommonErrors.InvalidBody, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB."), CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<IResult> Execute(HttpContext http, RepurchDb db, DashboardSchema schema, IDocumentExecuter executer,
        GraphQLSerializer serializer, PersistedQueries persisted, ILoggerFactory logs, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Not a GraphQL request", ["query_required"]);
        using var doc = body.Document!;
        var r = new FieldReader(body.Root, Fields);
        var query = r.Text("query", GraphQLLimits.MaxQueryLength, multiline: true);
        var operation = r.Text("operationName", 200);
        var id = r.Text("id", 200);
        var variables = ObjectOrNull(r, "variables");
        var extensions = ObjectOrNull(r, "extensions");
        string? hash = id.Value is { } raw ? (raw.StartsWith("sha256:", StringComparison.Ordinal) ? raw[7..] : raw) : null;
        if (extensions is { } ext && ext.TryGetProperty("persistedQuery", out var pq))
        {
            if (pq.ValueKind == JsonValueKind.Object && pq.TryGetProperty("sha256Hash", out var h) && h.ValueKind == JsonValueKind.String) hash ??= h.GetString();
            else r.Add("extensions_invalid");
        }
        if (r.Errors.Count > 0) return Problems.Validation("Not a GraphQL request", r.Errors);

        var text = query.Value;
        if (hash is not null)
        {
            var registered = persisted.Find(hash);
            if (text is null && registered is null)
                return Errors(serializer, "PersistedQueryNotFound: no query with this SHA-256 is registered.", GraphQLCodes.PersistedQueryNotFound);
            if (text is not null && !string.Equals(PersistedQueries.Hash(text), hash, StringComparison.OrdinalIgnoreCase))
                return Errors(serializer, "The query's SHA-256 is not the hash sent with it.", GraphQLCodes.PersistedQueryMismatch);
            text ??= registered;
        }
        if (string.IsNullOrWhiteSpace(text)) return Problems.Validation("Not a GraphQL request", ["query_required"]);

        Inputs? inputs;
        try
        {
            inputs = variables is { } v ? serializer.ReadNode<Inputs>(v) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return Problems.Validation("Not a GraphQL request", ["variables_invalid"]);
        }

        await db.OpenBrandSessionAsync(ct);
        var log = logs.CreateLogger(typeof(GraphQLEndpoints));
        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = text;
            o.OperationName = operation.Value;
            o.Variables = inputs;
            o.RequestServices = http.RequestServices;
            o.UserContext = new GraphQLRequestContext(db, http.Caller());
            o.User = http.User;
            o.CancellationToken = ct;
            o.ValidationRules = [.. DocumentValidator.CoreRules, ReadOnlyOperations.Instance, GraphQLLimits.Rule()];
            o.UnhandledExceptionDelegate = ctx =>
            {
                // Logged by type only (messages may hold data); the caller sees a generic error with a code.
                log.LogError("GraphQL resolver failed: {ExceptionType} in {Field}", ctx.OriginalException.GetType().Name, ctx.FieldContext?.FieldDefinition.Name);
                ctx.ErrorMessage = "Internal error while resolving this field.";
                ctx.Exception = new ExecutionError(ctx.ErrorMessage) { Code = GraphQLCodes.InternalError };
                return Task.CompletedTask;
            };
        });
        if (ct.IsCancellationRequested) return TypedResults.Empty;
        return TypedResults.Content(serializer.Serialize(result), "application/json", Encoding.UTF8, result.Executed ? 200 : 400);
    }

    private static JsonElement? ObjectOrNull(FieldReader r, string name)
    {
        if (!r.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        r.Add($"{name}_invalid");
        return null;
    }

    private static IResult Errors(GraphQLSerializer serializer, string message, string code) =>
        TypedResults.Content(serializer.Serialize(new ExecutionResult { Executed = false, Errors = [new ExecutionError(message) { Code = code }] }),
            "application/json", Encoding.UTF8, 400);
}
