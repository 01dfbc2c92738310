using System.Collections.Frozen;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// The list of common and breached passwords (<c>common-passwords.txt</c>, zxcvbn's list; the file
/// names its source), loaded once. Entries are lower-cased NFKC text of four characters or more.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> Set = new(Load);

    public static bool Contains(string lowerCased) => Set.Value.Contains(lowerCased);

    public static int Count => Set.Value.Count;

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Repurch.Api.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') words.Add(line);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
