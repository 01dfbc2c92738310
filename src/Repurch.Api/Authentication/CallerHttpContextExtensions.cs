namespace Repurch.Api.Authentication;

public static class CallerHttpContextExtensions
{
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("Endpoint is not authenticated.");
}
