namespace Repurch.Sdk;

/// <summary>An access token and its refresh token, as <c>POST /v1/auth/token</c> and <c>/v1/auth/refresh</c> return them.</summary>
/// <param name="ExpiresAt">When the access token expires; null means "refresh when the API answers 401".</param>
public sealed record RepurchTokens(string AccessToken, string RefreshToken, DateTimeOffset? ExpiresAt = null);
