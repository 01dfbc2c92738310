using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Repurch.Api.Errors;
using Repurch.Api.Idempotency;

namespace Repurch.Api.OpenApi;

/// <summary>Adds the optional <c>Idempotency-Key</c> header, and its 409/422 answers, to every authenticated mutation.</summary>
public static class IdempotencyDocs
{
    public const string Description =
        "Optional. Makes the request safe to retry: 1 to 255 printable ASCII characters (a UUID is ideal), unique per operation, kept per brand and environment for at least 24 hours. " +
        "Sending the same key with the same method, path and body replays the stored status and body with `Idempotent-Replayed: true` and changes nothing again; " +
        "the same key with a different request is `422 idempotency_key_mismatch`; while the first request is still running a duplicate is `409 idempotency_key_in_use`. " +
        "Any answer below 500 (including validation errors) is final and replayed; 5xx answers and `409 conflict` (a concurrent change that saved nothing) are not stored, so a retry runs again. " +
        "The stored answer commits in the same database transaction as the change. Exceptions: `POST /v1/auth/token` and API-key changes on the other plane write through their own transactions, so a crash between the change and the stored answer can leave the change without a stored answer (a retry then issues a new token or key); replays are still exact once the answer is stored, and a replay of either returns the same secret again to the holder of the key (the server keeps only a hash of the key and the answer sealed with it).";

    public static readonly (string Status, string Text)[] ErrorTexts =
    [
        Text(IdempotencyErrors.KeyInvalid), Text(IdempotencyErrors.KeyInUse), Text(IdempotencyErrors.KeyMismatch),
    ];

    private static (string Status, string Text) Text(ErrorCode e) =>
        (e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"`{e.Code}`: {e.Description}");

    /// <summary>
    /// <paramref name="description"/> followed by the idempotency codes <paramref name="previous"/>
    /// already carried: endpoint and document transformers run in either order, so neither drops the other's text.
    /// </summary>
    public static string KeepIdempotencyText(string? previous, string description)
    {
        foreach (var (_, text) in ErrorTexts)
        {
            if (previous?.Contains(text, StringComparison.Ordinal) == true && !description.Contains(text, StringComparison.Ordinal))
                description = $"{description} {text}";
        }
        return description;
    }

    public static void Add(OpenApiOptions o) =>
        o.AddOperationTransformer((operation, context, _) =>
        {
            var method = context.Description.HttpMethod ?? "";
            if (!IdempotencyMiddleware.IsMutation(method)) return Task.CompletedTask;
            // Anonymous operations (no caller, so no brand to keep the key under) do not take it.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()) return Task.CompletedTask;

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
            });
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, text) in ErrorTexts) AddError(operation, context, status, text);
            return Task.CompletedTask;
        });

    private static void AddError(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse r)
        {
            if (r.Description?.Contains(description, StringComparison.Ordinal) != true)
                r.Description = string.IsNullOrEmpty(r.Description) ? description : $"{r.Description} {description}";
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ApiError), context.Document) },
            },
        };
    }
}
