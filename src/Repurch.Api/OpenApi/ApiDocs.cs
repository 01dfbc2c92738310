using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Repurch.Api.Errors;

namespace Repurch.Api.OpenApi;

/// <summary>Endpoint annotations that put the spec's error tables and query rules into the OpenAPI document.</summary>
public static class ApiDocs
{
    /// <summary>Documents each error status with the codes it can carry, in the project's error shape.</summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder, params ErrorCode[] errors)
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
                    r.Description = IdempotencyDocs.KeepIdempotencyText(r.Description, string.Join(" ", group.Select(e => $"`{e.Code}`: {e.Description}")));
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
            OptionalWhenNullable(schema);
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

    /// <summary>
    /// A request field that may be null may also be left out (FieldReader treats both alike), so it is
    /// not <c>required</c>: generated clients (the SDKs) then need not spell out every field.
    /// </summary>
    private static void OptionalWhenNullable(OpenApiSchema schema)
    {
        if (schema.Required is null || schema.Properties is null) return;
        foreach (var (field, property) in schema.Properties)
        {
            var nullable = (property.Type?.HasFlag(JsonSchemaType.Null) ?? false)
                || (property.OneOf?.Any(o => o.Type == JsonSchemaType.Null) ?? false);
            if (nullable) schema.Required.Remove(field);
        }
    }
}
