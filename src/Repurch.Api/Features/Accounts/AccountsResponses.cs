namespace Repurch.Api.Features.Accounts;

/// <summary>A consumer account as its owner and its storefront see it (never the password or its hash).</summary>
public sealed record AccountView(string Id, string Email, string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A signed-in session: a 15-minute user token, the refresh token that continues it, and the account.</summary>
public sealed record AccountSession(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, AccountView Account);
