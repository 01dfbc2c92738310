using System.ComponentModel;

namespace Repurch.Api.Features.Media;

public sealed record PhotoSizes(
    [property: Description("Fits within 300x300, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).")] string Medium,
    [property: Description("Fits within 1024x1024, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).")] string Large);

public sealed record UploadedPhoto(
    [property: Description("Internal attachment id. Pass via `attachment_ids` on listing create or update.")] long AttachmentId,
    [property: Description("Public URL of the stored original (metadata stripped): the CDN's when `REPURCH_MEDIA_BASE_URL` is set.")] string Url,
    [property: Description("Pre-generated thumbnail URLs.")] PhotoSizes Sizes,
    [property: Description("MIME type detected from the bytes: `image/jpeg`, `image/png`, `image/webp` or `image/gif`.")] string Mime);
