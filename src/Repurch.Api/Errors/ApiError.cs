namespace Repurch.Api.Errors;

/// <summary>
/// The error body partners already parse (WordPress REST shape):
/// <c>{"code": "...", "message": "...", "data": {"status": 400, "errors": [...]}}</c>.
/// </summary>
public sealed record ApiError(string Code, string Message, ApiErrorData Data);
