namespace Repurch.Api.Features.Accounts;

/// <summary>Body of <c>POST /v1/accounts</c>.</summary>
public sealed record SignUpRequest(string Email, string Password, string DisplayName);

/// <summary>Body of <c>POST /v1/accounts/sessions</c>.</summary>
public sealed record SignInRequest(string Email, string Password);

/// <summary>Body of <c>POST /v1/accounts/sessions/refresh</c>.</summary>
public sealed record SessionRefreshRequest(string RefreshToken);

/// <summary>Body of <c>PATCH /v1/me</c>: any of the fields; <c>password</c> needs <c>current_password</c>.</summary>
public sealed record AccountUpdateRequest(string? DisplayName, string? Password, string? CurrentPassword);
