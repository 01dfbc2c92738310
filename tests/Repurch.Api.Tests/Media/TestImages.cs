using System.Net;
using System.Text.Json;
using NetVips;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Media;

/// <summary>Images made in-test with NetVips, and the upload call.</summary>
public static class TestImages
{
    /// <summary>A smooth gradient (so encoders have real content), 3 bands of uchar.</summary>
    public static Image Gradient(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var r = x * (255.0 / Math.Max(1, width - 1));
        using var g = y * (255.0 / Math.Max(1, height - 1));
        using var b = (x + y) * (127.0 / Math.Max(1, width + height - 2));
        using var joined = r.Bandjoin(g, b);
        return joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = Gradient(width, height);
        return image.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Gradient(width, height);
        return image.PngsaveBuffer();
    }

    public static byte[] Webp(int width, int height)
    {
        using var image = Gradient(width, height);
        return image.WebpsaveBuffer(q: 80);
    }

    /// <summary>An animated GIF of <paramref name="frames"/> frames, each <paramref name="width"/>x<paramref name="height"/>.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var pages = new Image[frames];
        for (var i = 0; i < frames; i++)
        {
            using var g = Gradient(width, height);
            pages[i] = i % 2 == 0 ? g.Copy() : g.Invert();
        }
        using var strip = Image.Arrayjoin(pages, across: 1);
        foreach (var p in pages) p.Dispose();
        using var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            m.Set(GValue.GIntType, "loop", 0);
        });
        return animated.GifsaveBuffer();
    }

    /// <summary>A JPEG carrying camera EXIF (make, comment, GPS position), XMP and an orientation.</summary>
    public static byte[] JpegWithMetadata(int width, int height, int orientation = 1)
    {
        using var image = Gradient(width, height);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "SecretCam");
            m.Set(GValue.GStrType, "exif-ifd0-Model", "Model 7");
            m.Set(GValue.GStrType, "exif-ifd2-UserComment", "home address here");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "51/1 30/1 0/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "W");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "0/1 7/1 0/1");
            m.Set(GValue.GIntType, "orientation", orientation);
            m.Set(GValue.BlobType, "xmp-data", System.Text.Encoding.UTF8.GetBytes(
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"51,30.0N\"/></rdf:RDF></x:xmpmeta>"));
        });
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>A valid tiny PNG whose header claims <paramref name="width"/>x<paramref name="height"/> pixels (CRC fixed up).</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var png = Png(2, 2);
        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ..., CRC after 13 data bytes.
        WriteBigEndian(png, 16, width);
        WriteBigEndian(png, 20, height);
        WriteBigEndian(png, 29, Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A valid tiny baseline JPEG whose frame header claims <paramref name="width"/>x<paramref name="height"/> pixels.</summary>
    public static byte[] JpegClaiming(ushort width, ushort height)
    {
        var jpeg = Jpeg(8, 8);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                jpeg[i + 5] = (byte)(height >> 8);
                jpeg[i + 6] = (byte)height;
                jpeg[i + 7] = (byte)(width >> 8);
                jpeg[i + 8] = (byte)width;
                return jpeg;
            }
        }
        throw new InvalidOperationException("no SOF marker");
    }

    /// <summary>A GIF whose logical screen and only frame claim 65535x65535 pixels, with almost no data.</summary>
    public static byte[] GifClaimingHuge()
    {
        var gif = AnimatedGif(4, 4, 1);
        // Logical screen width/height (little endian) right after "GIF89a".
        gif[6] = 0xFF; gif[7] = 0xFF; gif[8] = 0xFF; gif[9] = 0xFF;
        // The image descriptor (0x2C) follows: its width and height at +5..+8.
        var at = Array.IndexOf(gif, (byte)0x2C, 13);
        gif[at + 5] = 0xFF; gif[at + 6] = 0xFF; gif[at + 7] = 0xFF; gif[at + 8] = 0xFF;
        return gif;
    }

    private static void WriteBigEndian(byte[] buffer, int at, uint value)
    {
        buffer[at] = (byte)(value >> 24);
        buffer[at + 1] = (byte)(value >> 16);
        buffer[at + 2] = (byte)(value >> 8);
        buffer[at + 3] = (byte)value;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static string UploadBody(byte[] bytes, string? filename = null) =>
        JsonSerializer.Serialize(filename is null
            ? new Dictionary<string, string> { ["image_base64"] = Convert.ToBase64String(bytes) }
            : new Dictionary<string, string> { ["image_base64"] = Convert.ToBase64String(bytes), ["filename"] = filename });

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string? filename = null) =>
        client.PostJsonAsync("/v1/listings/upload-photo", UploadBody(bytes, filename));

    /// <summary>Uploads and asserts 201 with exactly the spec's fields; returns the body.</summary>
    public static async Task<JsonElement> UploadOkAsync(this HttpClient client, byte[] bytes, string? filename = null)
    {
        var response = await client.UploadAsync(bytes, filename);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(["attachment_id", "mime", "sizes", "url"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["large", "medium"], body.GetProperty("sizes").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(body.GetProperty("attachment_id").GetInt64() > 0);
        Assert.Equal(body.GetProperty("url").GetString(), response.Headers.Location?.ToString());
        return body;
    }

    /// <summary>Downloads a public media URL (no credentials) and opens it with libvips.</summary>
    public static async Task<(byte[] Bytes, string? ContentType)> FetchAsync(HttpClient anonymous, string url)
    {
        var response = await anonymous.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
