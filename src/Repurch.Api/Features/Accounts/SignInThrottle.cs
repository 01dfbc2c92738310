using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// The brake on password guessing, per account and per client, counted in PostgreSQL so that every
/// node sees the same failures. A bucket that has had its limit of failures within the window
/// refuses every attempt (the right password too) until its oldest counted failure ages out. The
/// account bucket is keyed by the normalised email whether or not an account has it, so a throttled
/// answer says nothing about which emails exist.
/// </summary>
public sealed class SignInThrottle(AccountOptions options, TimeProvider clock)
{
    /// <summary>The header a storefront server sends with its end user's IP address (as Auth0's <c>auth0-forwarded-for</c>).</summary>
    public const string ClientAddressHeader = "Repurch-Forwarded-For";

    /// <summary>The buckets one attempt counts against, and their limits.</summary>
    public sealed record Buckets(byte[] Account, byte[] Client, int ClientLimit, string AccountLockName);

    /// <summary>Which bucket refused, and for how long.</summary>
    public sealed record Refusal(string Bucket, int RetryAfterSeconds);

    public Buckets For(Caller storefront, string email, HttpRequest request)
    {
        var address = ClientAddress(request);
        var account = Hash($"account\n{storefront.BrandId}\n{email}");
        var client = Hash(address is null ? $"key\n{storefront.KeyId:N}" : $"client\n{storefront.KeyId:N}\n{address}");
        return new Buckets(account, client, address is null ? options.SignInKeyFailureLimit : options.SignInClientFailureLimit,
            "sign_in:" + Convert.ToHexStringLower(account));
    }

    /// <summary>
    /// The end user's address as the storefront sent it, or null when it sent none or not an address.
    /// IPv6 addresses count per /64 (one subscriber's network), IPv4-mapped ones as IPv4.
    /// </summary>
    public static string? ClientAddress(HttpRequest request)
    {
        if (request.Headers[ClientAddressHeader] is not [{ } value] || value.Length > 64 || !IPAddress.TryParse(value.Trim(), out var ip)) return null;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// Serialises the attempts on one email (in the caller's transaction), so parallel guesses cannot
    /// all pass the count before any failure is written. Client buckets are counted without a lock:
    /// they may let through a few more guesses in flight at once.
    /// </summary>
    public Task LockAsync(RepurchDb db, Buckets buckets, CancellationToken ct) =>
        Locks.LockAdvisoryAsync(db, buckets.AccountLockName, db.BrandId!, ct);

    /// <summary>The refusal when a bucket is full, else null.</summary>
    public async Task<Refusal?> CheckAsync(RepurchDb db, Buckets buckets, CancellationToken ct)
    {
        if (await FullUntilAsync(db, buckets.Account, options.SignInFailureLimit, ct) is { } accountUntil)
            return new Refusal("account", Seconds(accountUntil));
        if (await FullUntilAsync(db, buckets.Client, buckets.ClientLimit, ct) is { } clientUntil)
            return new Refusal("client", Seconds(clientUntil));
        return null;
    }

    /// <summary>Counts a failure against both buckets and drops the brand's failures that have aged out.</summary>
    public async Task RecordFailureAsync(RepurchDb db, Buckets buckets, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.SignInFailures.Where(f => f.FailedAt <= now - options.SignInWindow).ExecuteDeleteAsync(ct);
        db.SignInFailures.Add(new SignInFailure { BrandId = db.BrandId!, Bucket = buckets.Account, FailedAt = now });
        db.SignInFailures.Add(new SignInFailure { BrandId = db.BrandId!, Bucket = buckets.Client, FailedAt = now });
    }

    /// <summary>A successful sign-in forgives the account's earlier typos (the client's count stays).</summary>
    public Task ForgiveAsync(RepurchDb db, Buckets buckets, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.Bucket == buckets.Account).ExecuteDeleteAsync(ct);

    /// <summary>When the bucket has room again, if it is full now: the limit-th newest failure's time plus the window.</summary>
    private async Task<DateTimeOffset?> FullUntilAsync(RepurchDb db, byte[] bucket, int limit, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - options.SignInWindow;
        var oldestCounted = await db.SignInFailures.Where(f => f.Bucket == bucket && f.FailedAt > since)
            .OrderByDescending(f => f.FailedAt).Skip(limit - 1).Select(f => (DateTimeOffset?)f.FailedAt).FirstOrDefaultAsync(ct);
        return oldestCounted + options.SignInWindow;
    }

    private int Seconds(DateTimeOffset until) => Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
