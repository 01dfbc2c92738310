using Npgsql;
using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>
/// Looks credentials up before the brand is known. The SQL functions it calls run as the
/// <c>repurch_auth</c> role, whose only row-level-security policy lets it read credential rows by
/// hash; the app role itself cannot list other brands' keys.
/// </summary>
public sealed class CredentialStore(DataPlanes planes)
{
    public sealed record KeyRow(Guid Id, string BrandId, string Role, string[] Scopes, bool Revoked);
    public sealed record RefreshRow(Guid Id, string BrandId, Guid FamilyId, Guid ApiKeyId, DateTimeOffset ExpiresAt, bool Used, bool Revoked, string? AccountId);
    public sealed record SigningKeyRow(string Kid, string BrandId, byte[] Secret);

    public async Task<KeyRow?> FindApiKeyAsync(Plane plane, string key, CancellationToken ct)
    {
        await using var cmd = planes.For(plane).CreateCommand("SELECT id, brand_id, role, scopes, revoked FROM auth_find_api_key($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(key) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new KeyRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetBoolean(4));
    }

    public async Task<RefreshRow?> FindRefreshTokenAsync(Plane plane, string token, CancellationToken ct)
    {
        await using var cmd = planes.For(plane).CreateCommand(
            "SELECT id, brand_id, family_id, api_key_id, expires_at, used, revoked, account_id FROM auth_find_refresh_token($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(token) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new RefreshRow(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetGuid(3),
            r.GetFieldValue<DateTimeOffset>(4), r.GetBoolean(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7));
    }

    public async Task<SigningKeyRow?> FindSigningKeyAsync(Plane plane, string kid, CancellationToken ct)
    {
        await using var cmd = planes.For(plane).CreateCommand("SELECT kid, brand_id, secret FROM auth_find_signing_key($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = kid });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new SigningKeyRow(r.GetString(0), r.GetString(1), r.GetFieldValue<byte[]>(2));
    }

    /// <summary>Whether the key behind an access token is still live (not revoked).</summary>
    public async Task<bool> IsKeyActiveAsync(Plane plane, string brandId, Guid keyId, CancellationToken ct)
    {
        await using var batch = BrandBatch(plane, brandId, "SELECT count(*) FROM api_keys WHERE id = $1 AND revoked_at IS NULL", keyId);
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        return await r.ReadAsync(ct) && r.GetInt64(0) == 1;
    }

    /// <summary>
    /// Whether a consumer token still counts: its storefront key is live, its account is not disabled,
    /// and its session (refresh-token family) has not been signed out or revoked.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Plane plane, string brandId, Guid keyId, string accountId, Guid sessionId, CancellationToken ct)
    {
        await using var batch = BrandBatch(plane, brandId, """
            SELECT count(*) FROM accounts a
            WHERE a.id = $2 AND a.disabled_at IS NULL
              AND EXISTS (SELECT FROM api_keys k WHERE k.id = $1 AND k.revoked_at IS NULL)
              AND EXISTS (SELECT FROM refresh_tokens t WHERE t.family_id = $3 AND t.account_id = $2 AND t.revoked_at IS NULL)
            """, keyId, accountId, sessionId);
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        return await r.ReadAsync(ct) && r.GetInt64(0) == 1;
    }

    /// <summary>Records that a key was used, at most once a minute per key.</summary>
    public async Task TouchAsync(Plane plane, string brandId, Guid keyId, CancellationToken ct)
    {
        await using var batch = BrandBatch(plane, brandId,
            "UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", keyId);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// One round trip, one implicit transaction: the brand is set transaction-locally, so it ends
    /// with the batch and never lingers on the pooled connection.
    /// </summary>
    private NpgsqlBatch BrandBatch(Plane plane, string brandId, string sql, params object[] args)
    {
        var batch = planes.For(plane).CreateBatch();
        var set = new NpgsqlBatchCommand("SELECT set_config('app.brand_id', $1, true)");
        set.Parameters.Add(new NpgsqlParameter { Value = brandId });
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        batch.BatchCommands.Add(set);
        batch.BatchCommands.Add(command);
        return batch;
    }
}
