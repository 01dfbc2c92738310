namespace Repurch.Api.Features.Auth;

public sealed record RefreshRequest(string RefreshToken);
