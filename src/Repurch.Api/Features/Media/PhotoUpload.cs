using System.ComponentModel;

namespace Repurch.Api.Features.Media;

/// <summary>The upload-photo body, for the OpenAPI document (the endpoint reads it field by field).</summary>
public sealed class PhotoUpload
{
    [Description("Base64-encoded image bytes (standard or URL-safe; a `data:image/...;base64,` prefix and line breaks are allowed). JPEG, PNG, WebP, or GIF, detected from the bytes. Maximum 10 MB decoded.")]
    public required string ImageBase64 { get; init; }

    [Description("Optional filename for the stored asset (up to 255 characters); only its name part is used, as a slug in the URL. Defaults to `upload.jpg`. The extension always follows the detected type.")]
    public string? Filename { get; init; }
}
