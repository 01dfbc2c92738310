using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>
/// Short-lived JWTs (HS256), each signed with its own brand's key. The key id names the plane;
/// a token whose <c>brand_id</c> claim differs from its signing key's brand is rejected, so one
/// partner's key can never mint a token for another.
/// </summary>
public sealed class AccessTokens(CredentialStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const string Issuer = "https://api.repurch.com";
    public const string Audience = "repurch-api";
    /// <summary>The consumer account a user token speaks for.</summary>
    public const string AccountClaim = "account_id";
    /// <summary>The consumer session (refresh-token family): signing out ends its access tokens at once.</summary>
    public const string SessionClaim = "sid";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, CredentialStore.SigningKeyRow> _keys = new();

    public async Task<string> IssueAsync(RepurchDb db, Caller caller, CancellationToken ct)
    {
        var key = await db.SigningKeys.OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (key is null)
        {
            key = new SigningKey
            {
                Kid = $"{caller.Environment}_{Secrets.Random(20)}",
                BrandId = caller.BrandId,
                Secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
                CreatedAt = clock.GetUtcNow(),
            };
            db.SigningKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = caller.KeyId.ToString(),
            ["brand_id"] = caller.BrandId,
            ["env"] = caller.Environment,
            ["role"] = caller.Role,
            ["scope"] = string.Join(' ', caller.Scopes),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (caller.AccountId is not null)
        {
            claims[AccountClaim] = caller.AccountId;
            claims[SessionClaim] = (caller.SessionId ?? throw new InvalidOperationException("A consumer token needs its session.")).ToString("N");
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key.Secret) { KeyId = key.Kid }, SecurityAlgorithms.HmacSha256),
            Claims = claims,
        };
        return _handler.CreateToken(descriptor);
    }

    /// <summary>The caller a token proves, or null when it is malformed, expired, forged or cross-brand.</summary>
    public async Task<Caller?> ValidateAsync(string token, CancellationToken ct)
    {
        if (!_handler.CanReadToken(token)) return null;
        JsonWebToken jwt;
        try { jwt = _handler.ReadJsonWebToken(token); }
        catch (ArgumentException) { return null; }

        var kid = jwt.Kid;
        Plane? plane = kid?.StartsWith("live_", StringComparison.Ordinal) == true ? Plane.Live
            : kid?.StartsWith("test_", StringComparison.Ordinal) == true ? Plane.Sandbox : null;
        if (plane is null || kid!.Length > 64) return null;

        if (!_keys.TryGetValue(kid, out var key))
        {
            key = await store.FindSigningKeyAsync(plane.Value, kid, ct);
            if (key is null) return null;
            _keys[kid] = key;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = new SymmetricSecurityKey(key.Secret) { KeyId = key.Kid },
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (nbf, exp, _, p) => exp is { } e && e > clock.GetUtcNow().UtcDateTime - p.ClockSkew
                && (nbf is not { } n || n <= clock.GetUtcNow().UtcDateTime + p.ClockSkew),
            TryAllIssuerSigningKeys = false,
        });
        if (!result.IsValid) return null;

        var claims = result.ClaimsIdentity;
        string? Claim(string type) => claims.FindFirst(type)?.Value;
        var brand = Claim("brand_id");
        var env = Claim("env");
        var role = Claim("role");
        if (brand is null || brand != key.BrandId) return null;
        if (env != (plane == Plane.Sandbox ? "test" : "live")) return null;
        if (role is null || !Roles.All.Contains(role)) return null;
        if (!Guid.TryParse(Claim("sub") ?? Claim(ClaimTypes.NameIdentifier), out var keyId)) return null;
        var scopes = (Claim("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A consumer token must name its account and session; no other token may carry them.
        var account = Claim(AccountClaim);
        var session = Claim(SessionClaim);
        if (role == Roles.Consumer)
        {
            if (account is not { Length: > 5 and <= 40 } || !account.StartsWith("acct_", StringComparison.Ordinal)) return null;
            if (!Guid.TryParseExact(session, "N", out var sessionId)) return null;
            return new Caller(brand, plane.Value, role, scopes, keyId, CredentialKind.AccessToken) { AccountId = account, SessionId = sessionId };
        }
        if (account is not null || session is not null) return null;
        return new Caller(brand, plane.Value, role, scopes, keyId, CredentialKind.AccessToken);
    }
}
