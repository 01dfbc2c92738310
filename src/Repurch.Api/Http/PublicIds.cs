using System.Security.Cryptography;

namespace Repurch.Api.Http;

/// <summary>Ids that leave the service (<c>ord_…</c>, <c>evt_…</c>): a prefix plus random base32 characters.</summary>
public static class PublicIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(string prefix, int length = 24) => prefix + RandomToken(length);

    private static string RandomToken(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        return string.Create(length, bytes.ToArray(), (chars, b) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[b[i] & 31];
        });
    }
}
