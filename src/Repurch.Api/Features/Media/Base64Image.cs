namespace Repurch.Api.Features.Media;

/// <summary>Base64 as partners send it: standard or URL-safe, padded or not, with line breaks, or as a data URL.</summary>
public static class Base64Image
{
    public sealed record Result(byte[]? Bytes, bool TooLarge);

    public static Result Decode(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = s.IndexOf(',');
            if (comma < 0 || !s[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return new(null, false);
            s = s[(comma + 1)..];
        }
        // Size from the characters alone, so an oversized upload is refused before it is decoded.
        long chars = 0;
        var urlSafe = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\r' or '\n') continue;
            if (c is '-' or '_') urlSafe = true;
            chars++;
        }
        if (chars / 4 * 3 + chars % 4 * 3 / 4 > ImagePipeline.MaxBytes + 2) return new(null, true);

        // Decoded in place in one ASCII buffer: an upload costs its text plus about 1.4 times its size.
        var ascii = new byte[(chars + 3) / 4 * 4];
        var n = 0;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\r' or '\n') continue;
            if (c > 127) return new(null, false);
            ascii[n++] = (byte)(urlSafe ? c switch { '-' => '+', '_' => '/', _ => c } : c);
        }
        while (n < ascii.Length) ascii[n++] = (byte)'=';
        if (System.Buffers.Text.Base64.DecodeFromUtf8InPlace(ascii, out var written) != System.Buffers.OperationStatus.Done) return new(null, false);
        if (written > ImagePipeline.MaxBytes) return new(null, true);
        return new(ascii.AsSpan(0, written).ToArray(), false);
    }
}
