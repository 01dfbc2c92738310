using NetVips;

namespace Repurch.Api.Features.Media;

/// <summary>
/// Uploaded photos through libvips (NetVips): the original re-encoded without EXIF, XMP or IPTC
/// metadata (location included; only the ICC colour profile is kept) and turned upright first, since
/// the EXIF orientation goes with the metadata; plus <c>medium</c> (fits 300x300) and <c>large</c>
/// (fits 1024x1024) variants that are never upscaled. Before any pixel is decoded the header's
/// dimensions are checked, so a small file claiming 100000x100000 pixels is refused without
/// allocating for it; loaders fail on the first error, so a truncated file is refused instead of
/// padded with grey. Animated GIF and WebP keep their animation in the original; the variants show
/// the first frame, and a GIF's variants are PNG (GIF's 256-colour palette makes poor thumbnails).
/// </summary>
public static class ImagePipeline
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    public const int MaxSide = 20_000;
    public const int MaxFrames = 500;
    public const int Medium = 300;
    public const int Large = 1024;

    public static readonly ImageFormat Jpeg = new("image/jpeg", "jpg", "jpegload");
    public static readonly ImageFormat Png = new("image/png", "png", "pngload");
    public static readonly ImageFormat Webp = new("image/webp", "webp", "webpload");
    public static readonly ImageFormat Gif = new("image/gif", "gif", "gifload");

    // Decoding is CPU- and memory-bound: a few at a time keeps a burst of uploads from exhausting either.
    private static readonly SemaphoreSlim Gate = new(Math.Max(1, Environment.ProcessorCount));

    static ImagePipeline()
    {
        // Every upload is a fresh buffer: libvips' operation cache would only pin memory.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        // libvips warns on stderr about every damaged upload; those are answered with a 4xx already.
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, (_, _, _) => { });
        // Only the four loaders the endpoint accepts may ever run on uploaded bytes.
        global::NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif" })
            Operation.Block(loader, false);
    }

    /// <summary>The format from the file's magic bytes; null for anything else.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Jpeg;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return Gif;
        return null;
    }

    public static async Task<ProcessedImage> ProcessAsync(byte[] bytes, CancellationToken ct)
    {
        var format = Sniff(bytes) ?? throw new ImageRejectedException(ImageProblem.Unsupported, "Unsupported image type. Allowed: jpeg, png, webp, gif.");
        await Gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => Process(bytes, format), ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static ProcessedImage Process(byte[] bytes, ImageFormat format)
    {
        try
        {
            // Opening reads the header only; no pixels are decoded yet.
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            if (!(header.Get("vips-loader") is string loader && loader.StartsWith(format.Loader, StringComparison.Ordinal)))
                throw new ImageRejectedException(ImageProblem.Unsupported, "Unsupported image type. Allowed: jpeg, png, webp, gif.");
            var frames = header.Contains("n-pages") ? Math.Max(1, (int)header.Get("n-pages")) : 1;
            CheckSize(header.Width, header.Height, frames);

            var original = EncodeOriginal(bytes, format, header, frames);
            // One decode for the variants: large from the upload, medium from large held in memory.
            using var large = Image.ThumbnailBuffer(bytes, Large, height: Large, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
            using var largeInMemory = large.CopyMemory();
            using var medium = largeInMemory.ThumbnailImage(Medium, height: Medium, size: Enums.Size.Down);
            var variantFormat = format == Gif ? Png : format;
            return new ProcessedImage(original, Medium: Encode(medium, variantFormat, quality: 82), Large: Encode(largeInMemory, variantFormat, quality: 82), frames);
        }
        catch (VipsException e)
        {
            // libvips' own message is not echoed: it can quote the file's contents.
            _ = e;
            throw new ImageRejectedException(ImageProblem.Unreadable, "The image could not be decoded: it is truncated or corrupt.");
        }
    }

    private static void CheckSize(int width, int height, int frames)
    {
        if (width > MaxSide || height > MaxSide || (long)width * height * frames > MaxPixels || frames > MaxFrames)
        {
            throw new ImageRejectedException(ImageProblem.TooManyPixels,
                $"Image is {width}x{height} pixels{(frames > 1 ? $" in {frames} frames" : "")}; at most {MaxPixels / 1_000_000} megapixels in all, {MaxSide} pixels on a side and {MaxFrames} frames are accepted.");
        }
    }

    private static EncodedImage EncodeOriginal(byte[] bytes, ImageFormat format, Image header, int frames)
    {
        if (frames > 1)
        {
            // Every frame, still streamed; animation timing travels in the image's own fields.
            using var all = Image.NewFromBuffer(bytes, "n=-1", access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            return Encode(all, format, quality: 90) with { Height = header.Height };
        }
        var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
        if (orientation is >= 2 and <= 8)
        {
            // Turning needs random access to the decoded pixels; the size check above bounds them.
            using var random = Image.NewFromBuffer(bytes, access: Enums.Access.Random, failOn: Enums.FailOn.Error);
            using var upright = random.Autorot();
            return Encode(upright, format, quality: 90);
        }
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        return Encode(image, format, quality: 90);
    }

    /// <summary>Saves without metadata except the ICC profile (keep=icc drops EXIF, XMP and IPTC).</summary>
    private static EncodedImage Encode(Image image, ImageFormat format, int quality)
    {
        var bytes = format.Extension switch
        {
            // No optimize_coding: its second Huffman pass costs several times the encode of a 12 MP
            // original for a few per cent of size.
            "jpg" => image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.Icc),
            "png" => image.PngsaveBuffer(keep: Enums.ForeignKeep.Icc),
            "webp" => image.WebpsaveBuffer(q: quality, keep: Enums.ForeignKeep.Icc),
            "gif" => image.GifsaveBuffer(keep: Enums.ForeignKeep.None),
            _ => throw new InvalidOperationException(format.Mime),
        };
        return new EncodedImage(bytes, format, image.Width, image.Height);
    }
}
