using System.Text;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// Password rules after NIST SP 800-63B: a length floor and ceiling counted in Unicode code points
/// after NFKC, no composition rules (any printable character, spaces included), and a refusal of
/// passwords that are common or breached, repetitive or sequential, or built from the email's local
/// part or the brand's name. Each refusal is one code in <c>data.errors</c>.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>12, above NIST's floor of 8: a password is the only factor here.</summary>
    public const int MinLength = 12;
    /// <summary>NIST asks that at least 64 be allowed; passphrases get room.</summary>
    public const int MaxLength = 128;

    public const string TooShort = "password_too_short";
    public const string TooLong = "password_too_long";
    public const string TooCommon = "password_too_common";
    public const string ContainsEmail = "password_contains_email";
    public const string ContainsBrand = "password_contains_brand";
    public const string Repetitive = "password_repetitive";
    public const string Sequential = "password_sequential";

    /// <summary>Runs of keys or characters that people type as a password.</summary>
    private static readonly string[] Sequences =
    [
        "0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp",
        "1q2w3e4r5t6y7u8i9o0p", "!@#$%^&*()",
    ];

    /// <summary>
    /// The NFKC form that is hashed and checked, so the same password typed on any keyboard matches.
    /// Known gap: the app runs with InvariantGlobalization, where .NET has no Unicode data and
    /// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text as it is.
    /// </summary>
    public static string Normalise(string password) => password.Normalize(NormalizationForm.FormKC);

    /// <summary>The first refusal's code, or null when the password is acceptable.</summary>
    /// <param name="password">Already <see cref="Normalise"/>d.</param>
    /// <param name="emailLocalPart">The account email's local part.</param>
    /// <param name="brandWords">The brand's id and name, and the platform's name.</param>
    public static string? Check(string password, string? emailLocalPart, IEnumerable<string> brandWords)
    {
        var length = password.EnumerateRunes().Count();
        if (length < MinLength) return TooShort;
        if (length > MaxLength) return TooLong;

        var lower = password.ToLowerInvariant();
        if (emailLocalPart is { } local && Contains(lower, local.ToLowerInvariant(), 4)) return ContainsEmail;
        foreach (var word in brandWords)
        {
            if (Contains(lower, word.ToLowerInvariant(), 4) || Contains(Squash(lower), Squash(word.ToLowerInvariant()), 4)) return ContainsBrand;
        }
        if (IsRepetitive(lower)) return Repetitive;
        if (IsSequential(lower)) return Sequential;
        if (IsCommon(lower)) return TooCommon;
        return null;
    }

    private static bool Contains(string password, string word, int minLength) =>
        word.Length >= minLength && password.Contains(word, StringComparison.Ordinal);

    /// <summary>Letters and digits only: "sofa-listic" and "Sofa Listic" are one word.</summary>
    private static string Squash(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>One unit said again and again ("aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword"), or almost no distinct characters.</summary>
    private static bool IsRepetitive(string s)
    {
        if (s.Distinct().Count() <= 2) return true;
        for (var unit = 1; unit <= s.Length / 2; unit++)
        {
            if (s.Length % unit != 0) continue;
            var repeated = true;
            for (var i = unit; i < s.Length && repeated; i++) repeated = s[i] == s[i - unit];
            if (repeated) return true;
        }
        return false;
    }

    /// <summary>A run up or down the alphabet, the digits or a keyboard row, possibly wrapping ("345678901234").</summary>
    private static bool IsSequential(string s)
    {
        var step = s[1] - s[0];
        if (step is 1 or -1)
        {
            var run = true;
            for (var i = 2; i < s.Length && run; i++) run = s[i] - s[i - 1] == step;
            if (run) return true;
        }
        foreach (var seq in Sequences)
        {
            var forward = string.Concat(Enumerable.Repeat(seq, s.Length / seq.Length + 2));
            var backward = new string(forward.Reverse().ToArray());
            if (forward.Contains(s, StringComparison.Ordinal) || backward.Contains(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// On the list as typed, with its look-alike digits and symbols read as letters ("p@ssw0rd"), or
    /// with the digits and symbols people tack on at either end removed ("password2024!", "1qazxsw2").
    /// </summary>
    private static bool IsCommon(string s)
    {
        foreach (var candidate in Candidates(s))
        {
            if (candidate.Length >= 4 && CommonPasswords.Contains(candidate)) return true;
            // Two list words glued together ("iloveyousunshine") are as guessable as either.
            for (var cut = 4; cut <= candidate.Length - 4; cut++)
            {
                if (CommonPasswords.Contains(candidate[..cut]) && CommonPasswords.Contains(candidate[cut..])) return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> Candidates(string s)
    {
        var trimmed = s.Trim().TrimEnd(Decorations).TrimStart(Decorations);
        var spaceless = s.Replace(" ", "", StringComparison.Ordinal);
        foreach (var form in new[] { s, spaceless, trimmed, trimmed.Replace(" ", "", StringComparison.Ordinal) }.Distinct())
        {
            yield return form;
            var unleet = Unleet(form);
            if (unleet != form)
            {
                yield return unleet;
                yield return unleet.Trim().TrimEnd(Decorations).TrimStart(Decorations);
            }
        }
    }

    private static readonly char[] Decorations = "0123456789!@#$%^&*()_+-=.,?~ ".ToCharArray();

    private static string Unleet(string s)
    {
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // Only inside the word: a trailing "1" or "!" is a decoration, not a letter.
            var inner = i > 0 && i < s.Length - 1;
            b.Append(c switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '3' => 'e',
                '$' or '5' => 's',
                '7' => 't',
                '1' or '!' when inner => 'i',
                '|' => 'l',
                _ => c,
            });
        }
        return b.ToString();
    }
}
