using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Repurch.Api.Auth;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Features.Media;

public static class MediaEndpoints
{
    /// <summary>Base64 of <see cref="ImagePipeline.MaxBytes"/> is just under 14 MB; the rest is room for JSON and line breaks.</summary>
    public const long BodyLimit = 15 * 1024 * 1024;
    public const string DefaultFilename = "upload.jpg";
    public const int MaxFilename = 255;

    public static ApiErrorResult NoImage() => Problems.Of(400, "no_image", "image_base64 is required.");
    public static ApiErrorResult BadBase64() => Problems.Of(400, "bad_image_base64", "image_base64 is not valid base64.");
    public static ApiErrorResult TooLarge(string? detail = null) => Problems.Of(413, "image_too_large", detail ?? "Image must be smaller than 10MB.");
    public static ApiErrorResult Unsupported() => Problems.Of(415, "unsupported_mime", "Unsupported image type. Allowed: jpeg, png, webp, gif.");
    public static ApiErrorResult Unreadable(string message) => Problems.Of(400, "image_unreadable", message);
    public static ApiErrorResult StorageUnavailable() =>
        Problems.Of(503, "storage_unavailable", "Photo storage is unavailable right now; nothing was stored. Retry later.");

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/v1/listings").WithTags("Listings").RequireAuthorization(Policies.PartnerWrite);
        write.MapPost("/upload-photo", Upload).WithName("UploadPhoto").WithSummary("Upload a photo")
            .JsonRequest<PhotoUpload>().BodyLimit(BodyLimit, TooLarge())
            .WithDescription("""
                Stores a base64-encoded JPEG, PNG, WebP or GIF (at most 10 MB decoded; the type is read from the bytes, never from `filename`) and returns `201` with its public URL and two variants: `medium` fits 300x300 and `large` fits 1024x1024 (never upscaled). Pass `attachment_id` in `attachment_ids` (or `url` in `images`) on listing create or update.
                The stored original is re-encoded without EXIF, XMP or IPTC metadata (GPS location included; only the ICC colour profile is kept) and turned upright by its EXIF orientation first. Animated GIF and WebP keep their animation in the original; the variants show the first frame, and a GIF's variants are PNG.
                `image_base64` may carry a `data:image/...;base64,` prefix and line breaks; URL-safe base64 is accepted too. Images above 50 megapixels in all (width x height x frames), 20,000 pixels on a side or 500 frames are refused before any pixel is decoded. The body may be up to 15 MB; an `Idempotency-Key` replays the same attachment.
                """)
            .Errors([.. ApiDocs.AuthErrors,
                new(400, "no_image", "image_base64 is required."),
                new(400, "bad_image_base64", "image_base64 is not valid base64."),
                new(400, "image_unreadable", "The bytes are a JPEG, PNG, WebP or GIF but truncated or corrupt."),
                new(400, "validation_failed", "`filename_invalid` (not a string or with control characters), `filename_too_long` (over 255 characters), `<field>_unknown` or `<field>_duplicate`. A `null` or blank `filename` is the default name."),
                ApiDocs.BadBody,
                new(413, "image_too_large", "Image must be smaller than 10MB (decoded), or has too many pixels (see above)."),
                new(415, "unsupported_mime", "Unsupported image type. Allowed: jpeg, png, webp, gif."),
                ApiDocs.WrongMediaType,
                new(503, "storage_unavailable", "The object store did not answer; nothing was stored.")]);
        return app;
    }

    /// <summary>With the local store, the app itself serves the files under <see cref="MediaUrls.Prefix"/> (public, like a CDN).</summary>
    public static void UseLocalMedia(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IObjectStore>() is not LocalObjectStore local) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(local.Root),
            RequestPath = MediaUrls.Prefix,
            OnPrepareResponse = ctx =>
            {
                // Keys are never reused, so the bytes behind a URL never change.
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
                ctx.Context.Response.Headers.ContentSecurityPolicy = "default-src 'none'";
            },
        });
    }

    private static readonly string[] UploadFields = ["image_base64", "filename"];

    private static async Task<Results<Created<UploadedPhoto>, ApiErrorResult>> Upload(
        HttpContext http, RepurchDb db, IObjectStore store, MediaUrls urls, TimeProvider clock, ILogger<PhotoUpload> log, CancellationToken ct)
    {
        var caller = http.Caller();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return NoImage();
        using var doc = body.Document!;

        var r = new FieldReader(body.Root, UploadFields);
        var errors = r.Errors;
        JsonElement? image = r.TryGet("image_base64", out var sentImage) ? sentImage : null;
        // Null or blank: the default name.
        var filename = r.Text("filename", MaxFilename).Value ?? DefaultFilename;
        if (errors.Count > 0) return Problems.Validation("Photo could not be stored", errors);
        if (image is not { } value || value.ValueKind == JsonValueKind.Null || value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0)
            return NoImage();
        if (value.ValueKind != JsonValueKind.String) return BadBase64();

        var decoded = Base64Image.Decode(value.GetString()!);
        if (decoded.TooLarge) return TooLarge();
        if (decoded.Bytes is not { } bytes) return BadBase64();
        if (bytes.Length == 0) return NoImage();

        ProcessedImage processed;
        try
        {
            processed = await ImagePipeline.ProcessAsync(bytes, ct);
        }
        catch (ImageRejectedException e)
        {
            return e.Problem switch
            {
                ImageProblem.Unsupported => Unsupported(),
                ImageProblem.TooManyPixels => TooLarge(e.Message),
                _ => Unreadable(e.Message),
            };
        }

        var now = clock.GetUtcNow();
        var keys = ObjectKeysFor(caller.BrandId, now, filename, processed);
        try
        {
            await Task.WhenAll(
                store.PutAsync(keys.Original, processed.Original.Bytes, processed.Original.Format.Mime, ct),
                store.PutAsync(keys.Medium, processed.Medium.Bytes, processed.Medium.Format.Mime, ct),
                store.PutAsync(keys.Large, processed.Large.Bytes, processed.Large.Format.Mime, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Storing photo {Key} failed", keys.Original);
            await DeleteQuietlyAsync(store, keys, log);
            return StorageUnavailable();
        }

        var attachment = new Attachment
        {
            BrandId = caller.BrandId,
            Filename = filename,
            Mime = processed.Original.Format.Mime,
            StorageKey = keys.Original,
            MediumKey = keys.Medium,
            LargeKey = keys.Large,
            Bytes = processed.Original.Bytes.Length,
            Width = processed.Original.Width,
            Height = processed.Original.Height,
            Frames = processed.Frames,
            CreatedAt = now,
        };
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, no objects: a failed upload leaves nothing behind.
            await DeleteQuietlyAsync(store, keys, log);
            throw;
        }
        var url = urls.For(attachment.StorageKey, http.Request);
        return TypedResults.Created(url, new UploadedPhoto(
            attachment.Id, url,
            new PhotoSizes(urls.For(attachment.MediumKey, http.Request), urls.For(attachment.LargeKey, http.Request)),
            attachment.Mime));
    }

    public sealed record StorageKeys(string Original, string Medium, string Large);

    /// <summary>
    /// <c>{brand}/{yyyy}/{MM}/{random}/{name}.{ext}</c> with <c>-300x300</c> and <c>-1024x1024</c>
    /// variants. The random segment (96 bits) makes keys unguessable, so one brand's URL never
    /// leads to another's uploads; the extension follows the detected type, not the filename.
    /// </summary>
    public static StorageKeys ObjectKeysFor(string brandId, DateTimeOffset at, string filename, ProcessedImage image)
    {
        var brand = Slug(brandId, 64) is { Length: > 0 } b ? b : "brand";
        var stem = Slug(Path.GetFileNameWithoutExtension(filename), 60) is { Length: > 0 } s ? s : "upload";
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var dir = $"{brand}/{at:yyyy}/{at:MM}/{random}";
        return new StorageKeys(
            $"{dir}/{stem}.{image.Original.Format.Extension}",
            $"{dir}/{stem}-{ImagePipeline.Medium}x{ImagePipeline.Medium}.{image.Medium.Format.Extension}",
            $"{dir}/{stem}-{ImagePipeline.Large}x{ImagePipeline.Large}.{image.Large.Format.Extension}");
    }

    private static string Slug(string s, int max)
    {
        var sb = new StringBuilder();
        foreach (var c in s.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= max) break;
        }
        return sb.ToString().Trim('-');
    }

    private static async Task DeleteQuietlyAsync(IObjectStore store, StorageKeys keys, ILogger log)
    {
        foreach (var key in new[] { keys.Original, keys.Medium, keys.Large })
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not remove {Key} after a failed upload", key);
            }
        }
    }
}

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

/// <summary>The upload-photo body, for the OpenAPI document (the endpoint reads it field by field).</summary>
public sealed class PhotoUpload
{
    [Description("Base64-encoded image bytes (standard or URL-safe; a `data:image/...;base64,` prefix and line breaks are allowed). JPEG, PNG, WebP, or GIF, detected from the bytes. Maximum 10 MB decoded.")]
    public required string ImageBase64 { get; init; }

    [Description("Optional filename for the stored asset (up to 255 characters); only its name part is used, as a slug in the URL. Defaults to `upload.jpg`. The extension always follows the detected type.")]
    public string? Filename { get; init; }
}

public sealed record PhotoSizes(
    [property: Description("Fits within 300x300, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).")] string Medium,
    [property: Description("Fits within 1024x1024, aspect ratio kept, never upscaled. Same type as the original (PNG for a GIF: first frame).")] string Large);

public sealed record UploadedPhoto(
    [property: Description("Internal attachment id. Pass via `attachment_ids` on listing create or update.")] long AttachmentId,
    [property: Description("Public URL of the stored original (metadata stripped): the CDN's when `REPURCH_MEDIA_BASE_URL` is set.")] string Url,
    [property: Description("Pre-generated thumbnail URLs.")] PhotoSizes Sizes,
    [property: Description("MIME type detected from the bytes: `image/jpeg`, `image/png`, `image/webp` or `image/gif`.")] string Mime);
