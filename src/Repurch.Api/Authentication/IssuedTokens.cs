namespace Repurch.Api.Authentication;

/// <summary>A fresh access token and the refresh token that continues its session.</summary>
public sealed record IssuedTokens(string AccessToken, string RefreshToken)
{
    public const string TokenType = "Bearer";
    public static int ExpiresIn => (int)AccessTokens.Lifetime.TotalSeconds;
}
