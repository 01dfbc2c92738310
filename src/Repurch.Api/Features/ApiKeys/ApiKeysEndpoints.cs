using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.ApiKeys;

/// <summary>
/// Partner self-service for credentials under /v1/partner/settings/api-keys. Keys live on the plane
/// they open (live and sandbox are separate databases); a live admin manages both planes' keys of
/// its brand, a sandbox caller only sandbox keys. Audit entries go to the caller's plane.
/// </summary>
public static class ApiKeysEndpoints
{
    public const string Path = "/v1/partner/settings/api-keys";
    private const long BodyLimit = 16 * 1024;

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Path).WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Path).WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);


        read.MapGet("/", List).WithName("ListApiKeys").WithSummary("List API keys")
            .WithDescription("The brand's API keys, newest first, revoked ones included (`revoked_at` set). Secrets are shown only once, at creation: a key is identified here by its `prefix` (e.g. `re_pk_live_a1B2`). A live caller sees the keys of both environments; a sandbox caller sees only sandbox keys. `created_by` is the id of the key that created it through this API, or null when an operator issued it.")
            .Errors(CommonErrors.Auth);
        write.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create an API key")
            .JsonRequest<ApiKeyWrite>().BodyLimit(BodyLimit)
            .WithDescription("""
                Issues a key and returns it with its `secret`, which is shown this once and stored only as a hash: keep it safe.

                - `name` is required, at most 100 characters.
                - `role` is `admin` or `member`. `marketplace` keys are issued by Repurch operators only (`role_invalid`).
                - `scopes` is a non-empty array of `read` and `write`.
                - `environment` is `live` or `sandbox` and defaults to the caller's own. Live keys start `re_pk_live_`, sandbox keys `re_pk_test_`.
                - A key cannot grant more than its creator has: requesting a scope the calling key lacks is `403 forbidden`, and so is a sandbox caller asking for a live key.
                - Unknown fields are rejected (`<field>_unknown`), and so is a field sent twice (`<field>_duplicate`).

                The creation is recorded in the audit log as `api_key.created` (never with the secret).
                """)
            .Errors([.. CommonErrors.Auth,
                CommonErrors.Forbidden.DescribedAs("The requested scopes exceed the calling key's, or a sandbox caller asked for a live key."),
                CommonErrors.ValidationFailed.DescribedAs("Field-level reasons listed as codes in `data.errors`: `name_required`, `name_too_long`, `name_invalid`, `role_required`, `role_invalid`, `scopes_required`, `scopes_invalid`, `environment_invalid`, `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 16 KB."), CommonErrors.UnsupportedMediaType,
                ApiKeyErrors.EnvironmentUnavailable]);
        write.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke an API key")
            .WithDescription("Revokes the key at once: the next request made with it is `401 invalid_token`, and refresh tokens obtained with it stop working. Revoking a revoked key changes nothing and answers `200` again. A live admin can revoke its brand's sandbox keys; a sandbox caller only sandbox keys. Recorded in the audit log as `api_key.revoked`. A key may revoke itself.")
            .Errors([.. CommonErrors.Auth, ApiKeyErrors.NotFound]);
        return app;
    }

    private static async Task<Ok<ApiKeyList>> List(HttpContext http, RepurchDb db, DataPlanes planes, CancellationToken ct)
    {
        var caller = http.Caller();
        var keys = new List<(ApiKey Key, Plane Plane)>();
        foreach (var plane in ReachablePlanes(caller))
        {
            await using var scope = Context(db, planes, caller, plane);
            keys.AddRange((await scope.Db.ApiKeys.ToListAsync(ct)).Select(k => (k, plane)));
        }
        var views = keys.OrderByDescending(k => k.Key.CreatedAt).ThenByDescending(k => k.Key.Id)
            .Select(k => ApiKeyMapper.View(k.Key, k.Plane)).ToList();
        return TypedResults.Ok(new ApiKeyList(caller.BrandId, views));
    }

    private static async Task<Results<Created<CreatedApiKey>, ApiErrorResult>> Create(
        HttpContext http, RepurchDb db, DataPlanes planes, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("API key could not be created", ApiKeyInput.Missing);
        using var doc = body.Document!;

        var errors = new List<string>();
        var request = ApiKeyInput.Parse(body.Root, ApiKeyMapper.EnvironmentOf(caller.Plane), errors);
        if (request is null) return Problems.Validation("API key could not be created", errors);

        var target = ApiKeyMapper.PlaneOf(request.Environment);
        if (caller.Plane == Plane.Sandbox && target == Plane.Live)
            return Problems.Forbidden("A sandbox key cannot create live keys: use a live admin key.");
        var lacking = request.Scopes.Where(s => !caller.HasScope(s)).ToList();
        if (lacking.Count > 0)
            return Problems.Forbidden($"A key cannot grant more than its creator has: the calling key lacks the {string.Join(", ", lacking)} scope.");
        if (request.Role == Roles.Admin && caller.Role != Roles.Admin)
            return Problems.Forbidden("Only an admin key can create admin keys.");

        await using var scope = Context(db, planes, caller, target);
        if (scope.Separate && !await scope.Db.Brands.AnyAsync(ct))
            return ApiKeyErrors.EnvironmentUnavailable.Result($"The brand has no {request.Environment} workspace yet.");

        var secret = Secrets.NewApiKey(target);
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            BrandId = caller.BrandId,
            Prefix = Secrets.DisplayPrefix(secret),
            SecretHash = Secrets.Hash(secret),
            Role = request.Role,
            Scopes = request.Scopes,
            Name = request.Name,
            CreatedAt = clock.GetUtcNow(),
            CreatedByKeyId = caller.KeyId,
        };
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal)
        {
            ["name"] = new(null, key.Name),
            ["role"] = new(null, key.Role),
            ["scopes"] = new(null, key.Scopes),
            ["environment"] = new(null, request.Environment),
            ["prefix"] = new(null, key.Prefix),
        };

        await scope.SaveWithAuditAsync(async on =>
        {
            on.ApiKeys.Add(key);
            await on.SaveChangesAsync(ct);
            return true;
        }, () => AuditLog.RecordAsync(db, caller, "api_key.created", key.Id.ToString(), changes, clock, ct), ct);

        return TypedResults.Created((string?)null, ApiKeyMapper.Created(key, target, secret));
    }

    private static async Task<Results<Ok<RevokedApiKey>, ApiErrorResult>> Revoke(
        string id, HttpContext http, RepurchDb db, DataPlanes planes, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!Guid.TryParse(id, out var keyId)) return NotFound();

        foreach (var plane in ReachablePlanes(caller))
        {
            await using var scope = Context(db, planes, caller, plane);
            var key = await scope.Db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, ct);
            if (key is null) continue;
            if (key.RevokedAt is not null) return TypedResults.Ok(new RevokedApiKey(true, key.Id));

            var now = clock.GetUtcNow();
            await scope.SaveWithAuditAsync(async on =>
            {
                // Conditional, so two concurrent revocations record one entry between them.
                var revoked = await on.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
                // The refresh endpoint checks the key too; retiring its tokens keeps the tables honest.
                await on.RefreshTokens.Where(t => t.ApiKeyId == keyId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
                return revoked > 0;
            }, () => AuditLog.RecordAsync(db, caller, "api_key.revoked", key.Id.ToString(),
                new Dictionary<string, FieldChange>(StringComparer.Ordinal)
                {
                    ["revoked_at"] = new(null, WireFormat.Timestamp(now)),
                }, clock, ct), ct);
            return TypedResults.Ok(new RevokedApiKey(true, key.Id));
        }
        return NotFound();
    }

    private static ApiErrorResult NotFound() => ApiKeyErrors.NotFound.Result();

    /// <summary>The planes whose keys the caller may manage: a live admin both, a sandbox caller its own.</summary>
    private static Plane[] ReachablePlanes(Caller caller) =>
        caller.Plane == Plane.Live ? [Plane.Live, Plane.Sandbox] : [Plane.Sandbox];

    private static PlaneScope Context(RepurchDb callerDb, DataPlanes planes, Caller caller, Plane plane) =>
        plane == caller.Plane ? new PlaneScope(callerDb, callerDb, false) : new PlaneScope(planes.Open(plane, caller.BrandId), callerDb, true);

    /// <summary>
    /// A brand-scoped context on the plane a key lives on, next to the caller's own context, which
    /// holds the audit log. <see cref="Separate"/> when they are different databases.
    /// </summary>
    private sealed record PlaneScope(RepurchDb Db, RepurchDb CallerDb, bool Separate) : IAsyncDisposable
    {
        /// <summary>
        /// Applies <paramref name="change"/> and, when it reports a change, writes the audit entry
        /// recorded by <paramref name="audit"/>. On one plane both commit together. Across planes the
        /// change's transaction commits only after the audit entry is saved, so a failure can at
        /// worst leave an entry for a change that did not happen, never a change without an entry.
        /// </summary>
        public async Task SaveWithAuditAsync(Func<RepurchDb, Task<bool>> change, Func<Task> audit, CancellationToken ct)
        {
            await using var tx = await Db.BeginOrJoinTransactionAsync(ct);
            if (await change(Db))
            {
                await audit();
                await CallerDb.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }

        public ValueTask DisposeAsync() => Separate ? Db.DisposeAsync() : ValueTask.CompletedTask;
    }
}
