namespace Repurch.Api.Features.Media;

public enum ImageProblem
{
    /// <summary>Not JPEG, PNG, WebP or GIF, judged from the bytes.</summary>
    Unsupported,
    /// <summary>Too many pixels (or frames) to decode safely: a decompression bomb or a huge scan.</summary>
    TooManyPixels,
    /// <summary>The right kind of file, but truncated or corrupt.</summary>
    Unreadable,
}
