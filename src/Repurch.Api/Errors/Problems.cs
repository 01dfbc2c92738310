namespace Repurch.Api.Errors;

public static class Problems
{
    public static ApiErrorResult Of(int status, string code, string message, IReadOnlyList<string>? errors = null, string? param = null) =>
        new(new ApiError(code, message, new ApiErrorData(status, errors, param)));

    public static ApiErrorResult MissingBearer() =>
        Of(401, "missing_bearer_token", "No Authorization: Bearer header provided.");

    public static ApiErrorResult InvalidToken() =>
        Of(401, "invalid_token", "Token is malformed, expired, or signed with the wrong key.");

    public static ApiErrorResult Forbidden(string message = "Caller is not a partner admin.") =>
        Of(403, "forbidden", message);

    public static ApiErrorResult ListingNotFound() => Of(404, "listing_not_found", "Listing not found.");

    public static ApiErrorResult NotOwner(string verb) =>
        Of(403, "forbidden_not_owner", $"You can only {verb} listings you created.");

    public static ApiErrorResult Validation(string prefix, IReadOnlyList<string> codes) =>
        Of(400, "validation_failed", $"{prefix}: {string.Join(", ", codes)}.", codes);

    public static ApiErrorResult InvalidJson(string detail) =>
        Of(400, "invalid_json", $"Request body is not valid JSON: {detail}");

    public static ApiErrorResult NoFields() =>
        Of(400, "no_fields", "PATCH body must include at least one field to update.");

    public static ApiErrorResult InvalidBody() =>
        Of(400, "invalid_body", "Body must be a JSON object.");

    public static ApiErrorResult TooLarge(long limit) =>
        Of(413, "payload_too_large", $"Request body must be at most {limit / 1024} KB.");

    public static ApiErrorResult UnsupportedMediaType() =>
        Of(415, "unsupported_media_type", "Send the request body as application/json.");

    public static ApiErrorResult InvalidParameter(string param, string code, string message) =>
        Of(400, "invalid_parameter", message, [code], param);
}
