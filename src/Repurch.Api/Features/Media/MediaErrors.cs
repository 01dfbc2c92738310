using Repurch.Api.Errors;

namespace Repurch.Api.Features.Media;

public static class MediaErrors
{
    public static readonly ErrorCode NoImage = new(400, "no_image", "image_base64 is required.");
    public static readonly ErrorCode BadBase64 = new(400, "bad_image_base64", "image_base64 is not valid base64.");
    public static readonly ErrorCode ImageUnreadable = new(400, "image_unreadable", "The bytes are a JPEG, PNG, WebP or GIF but truncated or corrupt.");
    public static readonly ErrorCode ImageTooLarge = new(413, "image_too_large",
        "Image must be smaller than 10MB (decoded), or has too many pixels (see above).", "Image must be smaller than 10MB.");
    public static readonly ErrorCode UnsupportedMime = new(415, "unsupported_mime", "Unsupported image type. Allowed: jpeg, png, webp, gif.");
    public static readonly ErrorCode StorageUnavailable = new(503, "storage_unavailable",
        "The object store did not answer; nothing was stored.", "Photo storage is unavailable right now; nothing was stored. Retry later.");
}
