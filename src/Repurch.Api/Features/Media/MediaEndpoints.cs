using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Repurch.Api.Authentication;
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

    public static ApiErrorResult NoImage() => MediaErrors.NoImage.Result();
    public static ApiErrorResult BadBase64() => MediaErrors.BadBase64.Result();
    public static ApiErrorResult TooLarge(string? detail = null) => MediaErrors.ImageTooLarge.Result(detail);
    public static ApiErrorResult Unsupported() => MediaErrors.UnsupportedMime.Result();
    public static ApiErrorResult Unreadable(string message) => MediaErrors.ImageUnreadable.Result(message);
    public static ApiErrorResult StorageUnavailable() => MediaErrors.StorageUnavailable.Result();

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        // A consumer uploads the photos of its own trade-in (POST /v1/me/listings) with its user token.
        var write = app.MapGroup("/v1/listings").WithTags("Listings").RequireAuthorization(Policies.PartnerWriteOrConsumer);
        write.MapPost("/upload-photo", Upload).WithName("UploadPhoto").WithSummary("Upload a photo")
            .JsonRequest<PhotoUpload>().BodyLimit(BodyLimit, TooLarge())
            .WithDescription("""
                Stores a base64-encoded JPEG, PNG, WebP or GIF (at most 10 MB decoded; the type is read from the bytes, never from `filename`) and returns `201` with its public URL and two variants: `medium` fits 300x300 and `large` fits 1024x1024 (never upscaled). Pass `attachment_id` in `attachment_ids` (or `url` in `images`) on listing create or update. With a consumer's user token (a storefront acting for a signed-in person) the upload is recorded as that account's, and only that account can attach it to its trade-in (`POST /v1/me/listings`).
                The stored original is re-encoded without EXIF, XMP or IPTC metadata (GPS location included; only the ICC colour profile is kept) and turned upright by its EXIF orientation first. Animated GIF and WebP keep their animation in the original; the variants show the first frame, and a GIF's variants are PNG.
                `image_base64` may carry a `data:image/...;base64,` prefix and line breaks; URL-safe base64 is accepted too. Images above 50 megapixels in all (width x height x frames), 20,000 pixels on a side or 500 frames are refused before any pixel is decoded. The body may be up to 15 MB; an `Idempotency-Key` replays the same attachment.
                """)
            .Errors([CommonErrors.MissingBearer, CommonErrors.InvalidToken,
                CommonErrors.Forbidden.DescribedAs("Neither a partner admin key with the `write` scope nor a consumer's user token."),
                MediaErrors.NoImage, MediaErrors.BadBase64, MediaErrors.ImageUnreadable,
                CommonErrors.ValidationFailed.DescribedAs("`filename_invalid` (not a string or with control characters), `filename_too_long` (over 255 characters), `<field>_unknown` or `<field>_duplicate`. A `null` or blank `filename` is the default name."),
                CommonErrors.InvalidJson,
                MediaErrors.ImageTooLarge, MediaErrors.UnsupportedMime,
                CommonErrors.UnsupportedMediaType,
                MediaErrors.StorageUnavailable]);
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
            UploaderAccountId = caller.AccountId,
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
