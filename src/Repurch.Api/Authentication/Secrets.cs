using System.Security.Cryptography;
using Repurch.Api.Persistence;

namespace Repurch.Api.Authentication;

/// <summary>
/// High-entropy random credentials. They are stored as SHA-256 digests: the secret has 190 bits of
/// entropy, so a slow password hash would add cost without adding safety.
/// </summary>
public static class Secrets
{
    public const string LiveKeyPrefix = "re_pk_live_";
    public const string TestKeyPrefix = "re_pk_test_";
    public const string LiveRefreshPrefix = "re_rt_live_";
    public const string TestRefreshPrefix = "re_rt_test_";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewApiKey(Plane plane) => (plane == Plane.Sandbox ? TestKeyPrefix : LiveKeyPrefix) + Random(32);

    public static string NewRefreshToken(Plane plane) => (plane == Plane.Sandbox ? TestRefreshPrefix : LiveRefreshPrefix) + Random(43);

    public static Plane? PlaneOfApiKey(string token) =>
        token.StartsWith(LiveKeyPrefix, StringComparison.Ordinal) ? Plane.Live
        : token.StartsWith(TestKeyPrefix, StringComparison.Ordinal) ? Plane.Sandbox
        : null;

    public static Plane? PlaneOfRefreshToken(string token) =>
        token.StartsWith(LiveRefreshPrefix, StringComparison.Ordinal) ? Plane.Live
        : token.StartsWith(TestRefreshPrefix, StringComparison.Ordinal) ? Plane.Sandbox
        : null;

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>The part of a key that may be shown again: prefix plus four characters.</summary>
    public static string DisplayPrefix(string key) => key[..(LiveKeyPrefix.Length + 4)];

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
