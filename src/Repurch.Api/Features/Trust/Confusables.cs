using System.Collections.Frozen;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// The subset of Unicode's confusables.txt (UTS #39, "skeleton") that matters for Latin text: the
/// Cyrillic, Greek, Armenian, small-capital and other letters that look like a Latin letter or a
/// digit, mapped to what they look like. NFKD (applied first) already folds fullwidth forms,
/// mathematical alphanumerics, circled and superscript letters, so they are not repeated here.
/// Looked up on the code point as written: upper and lower case can look like different letters
/// (Greek <c>Η</c> is an H, <c>η</c> an n).
/// </summary>
internal static class Confusables
{
    private const string Pairs =
        // Cyrillic capitals
        "А=a Б=b В=b Г=r Е=e Ё=e З=3 Ѕ=s І=i Ї=i Ј=j К=k М=m Н=h О=o Р=p С=c Т=t У=y Х=x Ү=y Һ=h Ԛ=q Ԝ=w Ӏ=l Ь=b Ѵ=v Ԁ=d Ꙇ=i " +
        // Cyrillic small
        "а=a в=b г=r е=e ё=e з=3 ѕ=s і=i ї=i ј=j к=k м=m н=h о=o п=n р=p с=c т=t у=y х=x ү=y һ=h ԁ=d ԛ=q ԝ=w ӏ=l ь=b ѵ=v ɡ=g ӓ=a ӧ=o ӱ=y " +
        // Greek capitals
        "Α=a Β=b Ε=e Ζ=z Η=h Ι=i Κ=k Μ=m Ν=n Ο=o Ρ=p Τ=t Υ=y Χ=x Ϲ=c Ϳ=j " +
        // Greek small
        "α=a β=b γ=y ε=e η=n ι=i κ=k ν=v ο=o ρ=p σ=o ς=c τ=t υ=u χ=x ω=w ϲ=c ϳ=j ά=a έ=e ή=n ί=i ό=o ύ=u ώ=w " +
        // Armenian
        "օ=o ս=u ո=n հ=h ց=g զ=q " +
        // Latin look-alikes and small capitals
        "ɑ=a ɩ=i ı=i ȷ=j ℓ=l ǀ=l ɪ=i ᴀ=a ʙ=b ᴄ=c ᴅ=d ᴇ=e ꜰ=f ɢ=g ʜ=h ᴊ=j ᴋ=k ʟ=l ᴍ=m ɴ=n ᴏ=o ᴘ=p ʀ=r ꜱ=s ᴛ=t ᴜ=u ᴠ=v ᴡ=w ʏ=y ᴢ=z " +
        "ø=o ð=d đ=d ħ=h ł=l ŀ=l ŧ=t ß=ss æ=ae œ=oe ƒ=f ɵ=o ɛ=e ɔ=c ʋ=u ⅼ=l ⅰ=i " +
        // Punctuation that stands for @ . and -
        "＠=@ ﹫=@ ․=. 。=. ｡=. ‧=. ∙=. ·=. ‐=- ‑=- ‒=- –=- —=- ―=- −=- ﹣=- ＿=_ ‘=' ’=' ʼ=' ´=' `=' “=\" ”=\"";

    private static readonly FrozenDictionary<int, string> Map = Build();

    private static FrozenDictionary<int, string> Build()
    {
        var map = new Dictionary<int, string>();
        foreach (var pair in Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', 1);
            map[char.ConvertToUtf32(pair, 0)] = pair[(eq + 1)..];
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>What <paramref name="codePoint"/> looks like, or null when it is not in the table.</summary>
    public static string? Skeleton(int codePoint) => Map.TryGetValue(codePoint, out var s) ? s : null;
}
