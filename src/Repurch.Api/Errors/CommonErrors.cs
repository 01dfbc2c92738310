namespace Repurch.Api.Errors;

/// <summary>The codes every area answers with: authentication, request bodies, query parameters, the pipeline's own.</summary>
public static class CommonErrors
{
    public static readonly ErrorCode MissingBearer = new(401, "missing_bearer_token", "No Authorization: Bearer header provided.");
    public static readonly ErrorCode InvalidToken = new(401, "invalid_token", "Token is malformed, expired, or signed with the wrong key.");
    public static readonly ErrorCode Forbidden = new(403, "forbidden",
        "Caller is not a partner admin, or the key lacks the scope (`read` for GET, `write` for mutations).",
        "Caller is not a partner admin.");

    /// <summary>The three answers of every authenticated operation, in table order.</summary>
    public static readonly ErrorCode[] Auth = [MissingBearer, InvalidToken, Forbidden];

    /// <summary>The three answers of an operation for a signed-in consumer (<c>/v1/me…</c>, a user token).</summary>
    public static readonly ErrorCode[] ConsumerAuth =
    [
        MissingBearer,
        InvalidToken.DescribedAs("The user token is malformed or expired, its session was signed out or revoked, its account is disabled, or its storefront key was revoked."),
        Forbidden.DescribedAs("Not a consumer's user token (an API key or a partner token)."),
    ];

    // invalid_json's table text covers invalid_body and the body rules every reader shares.
    public static readonly ErrorCode InvalidJson = new(400, "invalid_json",
        "Body is not valid JSON (`invalid_json`) or not a JSON object (`invalid_body`). A string holding a control character (U+0000–U+001F, U+007F–U+009F; tab, LF and CR are allowed) is `validation_failed` with `<field>_invalid`, nested fields joined with `_` (e.g. `buyer_name_invalid`); a property name holding one is `unknown_field`. Every body's fields follow the same rules: an unknown field is `<field>_unknown`, a field sent twice `<field>_duplicate`, a wrong JSON type `<field>_invalid`, and text over its limit (counted in characters, so an emoji is one) `<field>_too_long`; text is trimmed, and `null` or blank text clears an optional field and is `<field>_required` for a required one.",
        "Request body is not valid JSON.");
    public static readonly ErrorCode InvalidBody = new(400, "invalid_body", "Body must be a JSON object.");
    public static readonly ErrorCode NoFields = new(400, "no_fields", "PATCH body must include at least one field to update.");
    public static readonly ErrorCode ValidationFailed = new(400, "validation_failed", "Field-level reasons listed as codes in `data.errors`.");
    public static readonly ErrorCode InvalidParameter = new(400, "invalid_parameter",
        "A query parameter is out of range or not an allowed value; `data.param` names it.");
    public static readonly ErrorCode PayloadTooLarge = new(413, "payload_too_large", "Body is larger than 256 KB.", "The request could not be read.");
    public static readonly ErrorCode UnsupportedMediaType = new(415, "unsupported_media_type", "Body is not application/json.",
        "Send the request body as application/json.");

    // IdempotencyMiddleware does not store it, so a retry runs again.
    public static readonly ErrorCode Conflict = new(409, "conflict", "A concurrent change would have broken a rule; nothing was saved. Retry the request.");

    public static readonly ErrorCode NotFound = new(404, "not_found", "No route matches this URL and method.");
    public static readonly ErrorCode MethodNotAllowed = new(405, "method_not_allowed", "This URL does not accept that method.");
    public static readonly ErrorCode BadRequest = new(400, "bad_request", "The request could not be read.");
    public static readonly ErrorCode Error = new(400, "error", "The request failed.");
    public static readonly ErrorCode InternalError = new(500, "internal_error", "Something went wrong on our side. It has been logged; retrying may help.");

    /// <summary>
    /// Answers the pipeline gives to any request before or around the operation (no route, a request
    /// Kestrel cannot read, a crash): no operation's table lists them.
    /// </summary>
    public static readonly ErrorCode[] Global = [NotFound, MethodNotAllowed, BadRequest, Error, InternalError];
}
