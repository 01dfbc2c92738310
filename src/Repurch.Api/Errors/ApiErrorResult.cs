namespace Repurch.Api.Errors;

/// <summary>An <see cref="IResult"/> that writes <see cref="ApiError"/> with its status code.</summary>
public sealed class ApiErrorResult(ApiError error) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ApiError>
{
    public ApiError Value => error;
    public int? StatusCode => error.Data.Status;
    object? IValueHttpResult.Value => error;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = error.Data.Status;
        return httpContext.Response.WriteAsJsonAsync(error, Http.Json.Options);
    }
}
