using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Repurch.Api.Errors;

namespace Repurch.Api.OpenApi;

public sealed record DocumentedError(int Status, string Code, string Message);

/// <summary>Endpoint annotations that put the spec's error tables and query rules into the OpenAPI document.</summary>
public static class ApiDocs
{
    public static readonly DocumentedError MissingBearer = new(401, "missing_bearer_token", "No Authorization: Bearer header provided.");
    public static readonly DocumentedError InvalidToken = new(401, "invalid_token", "Token is malformed, expired, or signed with the wrong key.");
    public static readonly DocumentedError Forbidden = new(403, "forbidden", "Caller is not a partner admin, or the key lacks the scope (`read` for GET, `write` for mutations).");
    public static readonly DocumentedError[] AuthErrors = [MissingBearer, InvalidToken, Forbidden];
    public static readonly DocumentedError BadBody = new(400, "invalid_json", "Body is not valid JSON (`invalid_json`) or not a JSON object (`invalid_body`). A string holding a control character (U+0000–U+001F, U+007F–U+009F; tab, LF and CR are allowed) is `validation_failed` with `<field>_invalid`, nested fields joined with `_` (e.g. `buyer_name_invalid`); a property name holding one is `unknown_field`. Every body's fields follow the same rules: an unknown field is `<field>_unknown`, a field sent twice `<field>_duplicate`, a wrong JSON type `<field>_invalid`, and text over its limit (counted in characters, so an emoji is one) `<field>_too_long`; text is trimmed, and `null` or blank text clears an optional field and is `<field>_required` for a required one.");
    public static readonly DocumentedError TooLarge = new(413, "payload_too_large", "Body is larger than 256 KB.");
    public static readonly DocumentedError WrongMediaType = new(415, "unsupported_media_type", "Body is not application/json.");

    /// <summary>Documents each error status with the codes it can carry, in the project's error shape.</summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder, params DocumentedError[] errors)
    {
        foreach (var status in errors.Select(e => e.Status).Distinct())
        {
            builder.Produces<ApiError>(status, "application/json");
        }
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var group in errors.GroupBy(e => e.Status))
            {
                var key = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (operation.Responses?.TryGetValue(key, out var response) == true && response is OpenApiResponse r)
                {
                    r.Description = IdempotencyDocs.KeepIdempotencyText(r.Description, string.Join(" ", group.Select(e => $"`{e.Code}`: {e.Message}")));
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Gives a query parameter its real type, bounds, allowed values and description.</summary>
    public static RouteHandlerBuilder Query(this RouteHandlerBuilder builder, string name, JsonSchemaType type, string description,
        string[]? values = null, int? minimum = null, int? maximum = null, JsonNode? defaultValue = null)
    {
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == name) is OpenApiParameter p)
            {
                p.Description = description;
                p.Required = false;
                var schema = new OpenApiSchema { Type = type, Default = defaultValue };
                if (values is not null) schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
                if (minimum is not null) schema.Minimum = minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (maximum is not null) schema.Maximum = maximum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                p.Schema = schema;
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Documents a JSON request body. Unlike <c>Accepts&lt;T&gt;</c> it adds no content-type routing
    /// constraint: <see cref="Http.JsonBody"/> answers a wrong content type with 415 in the project's shape.
    /// </summary>
    public static RouteHandlerBuilder JsonRequest<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var name = typeof(T).Name;
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            context.Document?.AddComponent(name, schema);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(name, context.Document) },
                },
            };
        });

    /// <summary>Marks an operation as callable without a bearer credential.</summary>
    public static RouteHandlerBuilder NoBearer(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Security = [];
            return Task.CompletedTask;
        });
}
