using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on authenticated POST, PATCH and DELETE. The request's scoped
/// <see cref="RepurchDb"/> gets a transaction before the endpoint runs; the endpoint's writes join it
/// and the stored response is inserted in it, so the change and its answer commit together or not at
/// all. A transaction-level advisory lock on (brand, key) turns a duplicate that arrives while the
/// first is running into <c>409 idempotency_key_in_use</c>. Responses of 500 and above are not
/// stored (the transaction rolls back), so a retry can succeed. Keys live per brand in each plane's
/// own database for <see cref="Retention"/>; an expired key counts as new. The table holds only a
/// hash of each key and the answer sealed with the key, since answers can carry secrets. The body is
/// read once, hashed as it arrives, and never beyond the endpoint's <see cref="RequestBodyLimit"/>:
/// a larger one gets the endpoint's 413 before anything is buffered or the key is looked at.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int SweepBatch = 10;

    public static ApiErrorResult InvalidKey() =>
        IdempotencyErrors.KeyInvalid.Result();

    public static ApiErrorResult InUse() =>
        IdempotencyErrors.KeyInUse.Result();

    public static ApiErrorResult Mismatch() =>
        IdempotencyErrors.KeyMismatch.Result();

    public static bool IsMutation(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    public static bool IsValidKey(string? key) =>
        key is { Length: >= 1 and <= MaxKeyLength } && key.All(c => c is >= ' ' and <= '~');

    /// <summary>Only final answers are kept: anything below 500.</summary>
    public static bool IsStored(int status) => status < 500;

    /// <summary>
    /// Final answers, except a <c>409 conflict</c>: a concurrent change that saved nothing and asks
    /// for a retry, which must then run again rather than replay the conflict.
    /// </summary>
    public static bool IsStored(int status, ReadOnlySpan<byte> body) =>
        IsStored(status) && !(status == 409 && IsRetryableConflict(body));

    private static bool IsRetryableConflict(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                if (!reader.Read()) return false;
                if (isCode) return reader.TokenType == System.Text.Json.JsonTokenType.String && reader.ValueTextEquals("conflict"u8);
                reader.Skip();
            }
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsMutation(http.Request.Method)
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.Features.Get<Caller>() is not { } caller
            || http.GetEndpoint() is not { } endpoint
            // Bulk job uploads can be hundreds of MB: they keep their own key on the job instead of being buffered here.
            || endpoint.Metadata.GetMetadata<OwnIdempotency>() is not null)
        {
            await next(http);
            return;
        }
        if (values.Count != 1 || !IsValidKey(values[0]))
        {
            await InvalidKey().ExecuteAsync(http);
            return;
        }

        // A signed-in consumer's keys are its own: another account of the brand sending the same key runs afresh.
        var key = StoredKey(caller.AccountId is { } account ? $"{account}\n{values[0]}" : values[0]!);
        var secret = values[0]!;
        var ct = http.RequestAborted;
        var method = http.Request.Method.ToUpperInvariant();
        var path = http.Request.Path.Value ?? "/";
        var target = path + http.Request.QueryString.Value;
        // The endpoint's own body limit applies here, before anything is buffered: an oversized body
        // is refused as soon as that is known (Content-Length, or the read that passes the limit).
        var limit = RequestBodyLimit.For(http);
        (ArraySegment<byte> Bytes, byte[] Hash)? read;
        try
        {
            read = await ReadAndHashAsync(http.Request, limit.Bytes, method, target, ct);
        }
        catch (BadHttpRequestException e) when (!ct.IsCancellationRequested)
        {
            // Kestrel refused the body (its outer size limit, broken chunking): answered here as what it
            // is, so no exception leaves the middleware and nothing counts it as a 500. A client that has
            // gone away gets no answer; its abort goes on up as one.
            var refusal = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? limit.TooLarge()
                : CommonErrors.BadRequest.AtStatus(e.StatusCode).Result("The request body could not be read.");
            await refusal.ExecuteAsync(http);
            return;
        }
        if (read is not { } received)
        {
            await limit.TooLarge().ExecuteAsync(http);
            return;
        }
        var (body, hash) = received;

        var db = http.RequestServices.GetRequiredService<RepurchDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lockKey = $"idempotency:{caller.BrandId}:{key}";
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({lockKey}, 0)) AS \"Value\"")
            .ToListAsync(ct);
        if (!locked[0])
        {
            await InUse().ExecuteAsync(http);
            return;
        }

        var now = clock.GetUtcNow();
        var stored = await db.IdempotencyKeys.FirstOrDefaultAsync(k => k.BrandId == caller.BrandId && k.Key == key, ct);
        if (stored is not null && stored.ExpiresAt > now)
        {
            if (!CryptographicOperations.FixedTimeEquals(stored.RequestHash, hash))
            {
                await Mismatch().ExecuteAsync(http);
                return;
            }
            await ReplayAsync(http, stored, Unseal(stored.ResponseBody, secret, caller.BrandId), ct);
            return;
        }

        http.Request.Body = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false);
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        if (IsStored(status, captured.GetBuffer().AsSpan(0, (int)captured.Length)))
        {
            var record = new IdempotencyKeyRecord
            {
                BrandId = caller.BrandId,
                Key = key,
                Method = method,
                Path = target,
                RequestHash = hash,
                ResponseStatus = status,
                ResponseBody = Seal(captured.ToArray(), secret, caller.BrandId),
                ResponseContentType = http.Response.ContentType,
                ResponseLocation = http.Response.Headers.Location.Count > 0 ? http.Response.Headers.Location.ToString() : null,
                CreatedAt = now,
                ExpiresAt = now + Retention,
            };
            await SaveAsync(db, record, now, ct);
            await tx.CommitAsync(ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
            log.LogInformation("Idempotency key not stored: the request answered {Status}, which a retry may change", status);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, ct);
    }

    private static async Task SaveAsync(RepurchDb db, IdempotencyKeyRecord r, DateTimeOffset now, CancellationToken ct)
    {
        // An expired row under the same key is replaced; a few other expired keys of the brand go too.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys (brand_id, key, method, path, request_hash, response_status, response_body,
                                          response_content_type, response_location, created_at, expires_at)
            VALUES ({r.BrandId}, {r.Key}, {r.Method}, {r.Path}, {r.RequestHash}, {r.ResponseStatus}, {r.ResponseBody},
                    {r.ResponseContentType}, {r.ResponseLocation}, {r.CreatedAt}, {r.ExpiresAt})
            ON CONFLICT (brand_id, key) DO UPDATE SET
                method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
                response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body,
                response_content_type = EXCLUDED.response_content_type, response_location = EXCLUDED.response_location,
                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys WHERE (brand_id, key) IN (
                SELECT brand_id, key FROM idempotency_keys
                WHERE brand_id = {r.BrandId} AND expires_at <= {now}
                ORDER BY expires_at LIMIT {SweepBatch}
                FOR UPDATE SKIP LOCKED)
            """, ct);
    }

    /// <summary>
    /// The key as stored: its SHA-256 in hex. The table never holds a key itself, so the stored
    /// answers, sealed with the key (<see cref="Seal"/>), cannot be read from the database alone —
    /// some of them carry secrets (a new API key, a token pair).
    /// </summary>
    public static string StoredKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static byte[] BodyKey(string key, string brandId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, Encoding.UTF8.GetBytes(brandId), "repurch idempotency response v1"u8.ToArray());

    /// <summary>AES-256-GCM under a key derived from the Idempotency-Key: nonce, tag, ciphertext.</summary>
    public static byte[] Seal(byte[] body, string key, string brandId)
    {
        var sealedBody = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + body.Length];
        var nonce = sealedBody.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBody.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(BodyKey(key, brandId), tag.Length);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(nonce.Length + tag.Length), tag);
        return sealedBody;
    }

    public static byte[] Unseal(byte[] sealedBody, string key, string brandId)
    {
        var nonce = sealedBody.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBody.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = sealedBody.AsSpan(nonce.Length + tag.Length);
        var body = new byte[cipher.Length];
        using var aes = new AesGcm(BodyKey(key, brandId), tag.Length);
        aes.Decrypt(nonce, cipher, tag, body);
        return body;
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyKeyRecord stored, byte[] body, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = stored.ResponseStatus;
        if (stored.ResponseContentType is not null) response.ContentType = stored.ResponseContentType;
        if (stored.ResponseLocation is not null) response.Headers.Location = stored.ResponseLocation;
        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = body.Length;
        if (body.Length > 0) await response.Body.WriteAsync(body, ct);
    }

    /// <summary>
    /// The body, read once into one array of at most <paramref name="limit"/> bytes, and its
    /// <see cref="Hash"/>; null when it is larger than the limit.
    /// </summary>
    private static async Task<(ArraySegment<byte> Bytes, byte[] Hash)?> ReadAndHashAsync(
        HttpRequest request, long limit, string method, string target, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared <= limit)
        {
            // The digest has the body's length before its bytes; with Content-Length that length is
            // known up front, so the bytes are hashed as they arrive.
            using var sha = StartHash(method, target, (int)declared);
            if (await BoundedBody.ReadAsync(request, limit, sha.AppendData, ct) is not { } streamed) return null;
            // A body shorter than declared (only a test host lets one through) is hashed as it came.
            return (streamed, streamed.Count == declared ? sha.GetHashAndReset() : Hash(method, target, streamed));
        }
        // Chunked, or over the limit by its own account: the length is known only at the end.
        if (await BoundedBody.ReadAsync(request, limit, null, ct) is not { } body) return null;
        return (body, Hash(method, target, body));
    }

    /// <summary>SHA-256 over method, path with query, and body, each length-prefixed.</summary>
    public static byte[] Hash(string method, string target, ReadOnlySpan<byte> body)
    {
        using var sha = StartHash(method, target, body.Length);
        sha.AppendData(body);
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// The digest up to the body's bytes: method and target each prefixed with their UTF-8 length,
    /// then the body's length. Stored keys hold this digest, so the framing must never change.
    /// </summary>
    private static IncrementalHash StartHash(string method, string target, int bodyLength)
    {
        var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { method, target })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }
        sha.AppendData(BitConverter.GetBytes(bodyLength));
        return sha;
    }
}
