namespace Repurch.Api.Errors;

/// <summary>The common answers whose message carries detail, built on <see cref="CommonErrors"/>.</summary>
public static class Problems
{
    public static ApiErrorResult MissingBearer() => CommonErrors.MissingBearer.Result();

    public static ApiErrorResult InvalidToken() => CommonErrors.InvalidToken.Result();

    public static ApiErrorResult Forbidden(string? message = null) => CommonErrors.Forbidden.Result(message);

    public static ApiErrorResult Validation(string prefix, IReadOnlyList<string> codes) =>
        CommonErrors.ValidationFailed.Result($"{prefix}: {string.Join(", ", codes)}.", codes);

    public static ApiErrorResult InvalidJson(string detail) =>
        CommonErrors.InvalidJson.Result($"Request body is not valid JSON: {detail}");

    public static ApiErrorResult NoFields() => CommonErrors.NoFields.Result();

    public static ApiErrorResult InvalidBody() => CommonErrors.InvalidBody.Result();

    public static ApiErrorResult TooLarge(long limit) =>
        CommonErrors.PayloadTooLarge.Result($"Request body must be at most {limit / 1024} KB.");

    public static ApiErrorResult UnsupportedMediaType() => CommonErrors.UnsupportedMediaType.Result();

    public static ApiErrorResult InvalidParameter(string param, string code, string message) =>
        CommonErrors.InvalidParameter.Result(message, [code], param);
}
