using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Repurch.Api.Features.Credits;

/// <summary>
/// The shape and the keeping of credit codes.
/// <para>Shape: 12 random characters plus one check character, shown as <c>ABCD-EFGH-JKLMN</c>,
/// from a 32-character alphabet without the look-alikes 0/O and 1/I (60 bits of randomness). The
/// check character is Luhn mod 32, so any single mistyped character or swap of neighbours is
/// caught before a database look-up (and never counts as a guess).</para>
/// <para>Keeping: a database row holds an HMAC-SHA256 of (brand, code) under a server secret for
/// look-ups, and the code sealed with AES-256-GCM under a key derived from the same secret for the
/// seller's own view. A copy of the database alone reveals no redeemable code; the secret
/// (<c>REPURCH_CODE_SECRET</c>) never enters the database. The brand is in the HMAC, so a code is
/// only ever found under the brand that issued it.</para>
/// </summary>
public sealed class CreditCodeVault
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int RandomLength = 12;
    /// <summary>Development-only secret for ./run and ./test when <c>REPURCH_CODE_SECRET</c> is unset (refused outside Development).</summary>
    private const string DevelopmentSecret = "repurch-development-code-secret-not-for-production";

    private readonly byte[] _hmacKey;

    private readonly byte[] _globalKey;
    private readonly byte[] _sealKey;

    public CreditCodeVault(IOptions<CreditOptions> options, ILogger<CreditCodeVault> log)
    {
        // CreditOptions has checked it: unset only in Development.
        var secret = options.Value.CodeSecret;
        if (secret is null)
        {
            log.LogWarning("REPURCH_CODE_SECRET is not set: credit codes use a development secret. Set it (32+ random characters) in production.");
            secret = DevelopmentSecret;
        }
        var ikm = Encoding.UTF8.GetBytes(secret);
        _hmacKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, info: "repurch credit code lookup"u8.ToArray());
        _globalKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, info: "repurch credit code global lookup"u8.ToArray());
        _sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, info: "repurch credit code seal"u8.ToArray());
    }

    /// <summary>A new code in canonical form (13 characters, no separators).</summary>
    public static string NewCode()
    {
        var body = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return body + CheckCharacter(body);
    }

    /// <summary><c>ABCD-EFGH-JKLMN</c>.</summary>
    public static string Display(string canonical) => $"{canonical[..4]}-{canonical[4..8]}-{canonical[8..]}";

    /// <summary>
    /// The canonical form of what a customer typed (case, spaces and hyphens ignored), or null when it
    /// cannot be a code: wrong length, a character outside the alphabet, or a failed check character.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 64) return null;
        var sb = new StringBuilder(RandomLength + 1);
        foreach (var ch in input)
        {
            if (ch is ' ' or '-') continue;
            var c = char.ToUpperInvariant(ch);
            if (Alphabet.IndexOf(c) < 0 || sb.Length > RandomLength) return null;
            sb.Append(c);
        }
        if (sb.Length != RandomLength + 1) return null;
        var code = sb.ToString();
        return CheckCharacter(code[..RandomLength]) == code[RandomLength] ? code : null;
    }

    /// <summary>Luhn mod N over the alphabet.</summary>
    public static char CheckCharacter(string body)
    {
        const int n = 32;
        var factor = 2;
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(body[i]);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }

    /// <summary>
    /// A brand-free keyed hash, read only by <c>credit_code_elsewhere()</c>, so a partner can be told a
    /// code belongs to another retailer without learning which one, its amount or its state.
    /// </summary>
    public byte[] GlobalHash(string canonical) =>
        HMACSHA256.HashData(_globalKey, Encoding.UTF8.GetBytes(canonical));

    public byte[] LookupHash(string brandId, string canonical) =>
        HMACSHA256.HashData(_hmacKey, Encoding.UTF8.GetBytes($"{brandId}\n{canonical}"));

    public byte[] Seal(string brandId, string codeId, string canonical)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(canonical);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(_sealKey, 16);
        aes.Encrypt(nonce, plain, cipher, tag, Aad(brandId, codeId));
        return [.. nonce, .. cipher, .. tag];
    }

    public string Open(string brandId, string codeId, byte[] sealedCode)
    {
        var nonce = sealedCode.AsSpan(0, 12);
        var tag = sealedCode.AsSpan(sealedCode.Length - 16);
        var cipher = sealedCode.AsSpan(12, sealedCode.Length - 28);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_sealKey, 16);
        aes.Decrypt(nonce, cipher, tag, plain, Aad(brandId, codeId));
        return Encoding.UTF8.GetString(plain);
    }

    // Bound to its row: a sealed code copied onto another row or brand does not open.
    private static byte[] Aad(string brandId, string codeId) => Encoding.UTF8.GetBytes($"{brandId}\n{codeId}");
}
