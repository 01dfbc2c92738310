using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetVips;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Media;

public sealed class UploadPhotoTests : ApiTest
{
    private const string Url = "/v1/listings/upload-photo";

    private async Task<int> AttachmentCountAsync(TestBrand brand, Plane plane = Plane.Live)
    {
        await using var db = Api.Planes.Open(plane, brand.Id);
        return await db.Attachments.CountAsync();
    }

    public static TheoryData<string, string, string> Formats => new()
    {
        { "jpeg", "image/jpeg", ".jpg" },
        { "png", "image/png", ".png" },
        { "webp", "image/webp", ".webp" },
    };

    private static byte[] Make(string format, int width, int height) => format switch
    {
        "jpeg" => TestImages.Jpeg(width, height),
        "png" => TestImages.Png(width, height),
        "webp" => TestImages.Webp(width, height),
        _ => throw new ArgumentException(format),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_format_is_stored_with_medium_and_large_variants_that_fit_their_boxes(string format, string mime, string extension)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var body = await client.UploadOkAsync(Make(format, 1600, 1200), "Leather 3-seater.JPG");

        Assert.Equal(mime, body.GetProperty("mime").GetString());
        var url = body.GetProperty("url").GetString()!;
        var medium = body.GetProperty("sizes").GetProperty("medium").GetString()!;
        var large = body.GetProperty("sizes").GetProperty("large").GetString()!;
        // The extension follows the bytes, not the filename; the name is kept, slugged.
        Assert.EndsWith($"/leather-3-seater{extension}", url);
        Assert.EndsWith($"/leather-3-seater-300x300{extension}", medium);
        Assert.EndsWith($"/leather-3-seater-1024x1024{extension}", large);

        var anonymous = Api.ClientWith(null);
        foreach (var (link, width, height) in new[] { (url, 1600, 1200), (large, 1024, 768), (medium, 300, 225) })
        {
            var (bytes, contentType) = await TestImages.FetchAsync(anonymous, link);
            Assert.Equal(mime, contentType);
            using var image = Image.NewFromBuffer(bytes);
            Assert.Equal((width, height), (image.Width, image.Height));
            Assert.StartsWith(format == "jpeg" ? "jpegload" : $"{format}load", (string)image.Get("vips-loader"));
        }
        Assert.Equal(1, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task Tall_images_fit_by_height_and_small_ones_are_never_upscaled()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var anonymous = Api.ClientWith(null);

        var tall = await client.UploadOkAsync(TestImages.Jpeg(600, 2400));
        using (var large = Image.NewFromBuffer((await TestImages.FetchAsync(anonymous, tall.GetProperty("sizes").GetProperty("large").GetString()!)).Bytes))
            Assert.Equal((256, 1024), (large.Width, large.Height));
        using (var medium = Image.NewFromBuffer((await TestImages.FetchAsync(anonymous, tall.GetProperty("sizes").GetProperty("medium").GetString()!)).Bytes))
            Assert.Equal((75, 300), (medium.Width, medium.Height));

        var small = await client.UploadOkAsync(TestImages.Png(120, 80));
        foreach (var size in new[] { "medium", "large" })
        {
            using var variant = Image.NewFromBuffer((await TestImages.FetchAsync(anonymous, small.GetProperty("sizes").GetProperty(size).GetString()!)).Bytes);
            Assert.Equal((120, 80), (variant.Width, variant.Height));
        }
    }

    [Fact]
    public async Task Animated_gif_keeps_its_frames_in_the_original_and_variants_are_the_first_frame_as_png()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var body = await client.UploadOkAsync(TestImages.AnimatedGif(400, 200, 3), "spin.gif");
        Assert.Equal("image/gif", body.GetProperty("mime").GetString());

        var anonymous = Api.ClientWith(null);
        var (original, type) = await TestImages.FetchAsync(anonymous, body.GetProperty("url").GetString()!);
        Assert.Equal("image/gif", type);
        using (var all = Image.NewFromBuffer(original, "n=-1"))
        {
            Assert.Equal(3, (int)all.Get("n-pages"));
            Assert.Equal((400, 600), (all.Width, all.Height));
        }
        var medium = body.GetProperty("sizes").GetProperty("medium").GetString()!;
        Assert.EndsWith("/spin-300x300.png", medium);
        var (mediumBytes, mediumType) = await TestImages.FetchAsync(anonymous, medium);
        Assert.Equal("image/png", mediumType);
        using var first = Image.NewFromBuffer(mediumBytes);
        Assert.Equal((300, 150), (first.Width, first.Height));
    }

    [Fact]
    public async Task Exif_gps_and_xmp_are_stripped_from_the_stored_original_and_it_is_turned_upright()
    {
        var upload = TestImages.JpegWithMetadata(400, 200, orientation: 6);
        using (var check = Image.NewFromBuffer(upload))
        {
            // The fixture must really carry what the endpoint has to remove.
            Assert.Contains("exif-ifd3-GPSLatitude", check.GetFields());
            Assert.Contains("xmp-data", check.GetFields());
            Assert.Contains("SecretCam", Encoding.Latin1.GetString(upload));
        }

        var brand = await NewBrandAsync();
        var body = await Api.ClientWith(brand.AdminKey).UploadOkAsync(upload, "with-gps.jpg");
        var anonymous = Api.ClientWith(null);
        foreach (var link in new[] { body.GetProperty("url").GetString()!, body.GetProperty("sizes").GetProperty("large").GetString()! })
        {
            var (stored, _) = await TestImages.FetchAsync(anonymous, link);
            using var image = Image.NewFromBuffer(stored);
            var fields = image.GetFields();
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data");
            Assert.DoesNotContain("SecretCam", Encoding.Latin1.GetString(stored));
            Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(stored));
            // Orientation 6 (rotate 90° clockwise) is applied to the pixels, since the tag is gone.
            Assert.True(image.Height > image.Width, $"{image.Width}x{image.Height}");
        }
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_not_the_filename()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var png = await client.UploadOkAsync(TestImages.Png(50, 50), "photo.jpg");
        Assert.Equal("image/png", png.GetProperty("mime").GetString());
        Assert.EndsWith("/photo.png", png.GetProperty("url").GetString());

        // No filename: the spec's default name.
        var unnamed = await client.UploadOkAsync(TestImages.Jpeg(50, 50));
        Assert.EndsWith("/upload.jpg", unnamed.GetProperty("url").GetString());

        // Text named like an image is still text.
        var text = await client.UploadAsync(Encoding.UTF8.GetBytes("hello, this is not an image at all"), "photo.jpg");
        await text.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_mime");
    }

    [Fact]
    public async Task Storage_keys_carry_the_brand_and_a_random_segment()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var first = (await client.UploadOkAsync(TestImages.Jpeg(40, 40), "same.jpg")).GetProperty("url").GetString()!;
        var second = (await client.UploadOkAsync(TestImages.Jpeg(40, 40), "same.jpg")).GetProperty("url").GetString()!;
        Assert.NotEqual(first, second);
        foreach (var url in new[] { first, second })
        {
            Assert.Matches($"/media/{brand.Id}/[0-9]{{4}}/[0-9]{{2}}/[0-9a-f]{{24}}/same\\.jpg$", url);
        }
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var row = await db.Attachments.OrderBy(a => a.Id).FirstAsync();
        Assert.Equal(("same.jpg", "image/jpeg", 40, 40), (row.Filename, row.Mime, row.Width, row.Height));
        Assert.StartsWith($"{brand.Id}/", row.StorageKey);
    }

    [Fact]
    public async Task Data_urls_line_breaks_and_url_safe_base64_are_accepted()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var bytes = TestImages.Jpeg(64, 48);
        var b64 = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);
        foreach (var text in new[] { "data:image/jpeg;base64," + b64, b64, Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=') })
        {
            var response = await client.PostJsonAsync(Url, System.Text.Json.JsonSerializer.Serialize(new { image_base64 = text }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task Missing_empty_or_null_image_is_no_image()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        foreach (var json in new[] { "{}", "", "{\"image_base64\": null}", "{\"image_base64\": \"\"}", "{\"image_base64\": \"   \"}", "{\"filename\": \"a.jpg\"}" })
        {
            var response = await client.PostJsonAsync(Url, json);
            await response.AssertErrorAsync(HttpStatusCode.BadRequest, "no_image");
        }
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task Invalid_base64_is_bad_image_base64()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        foreach (var json in new[]
                 {
                     "{\"image_base64\": \"not base64 at all!!\"}", "{\"image_base64\": \"abcde\"}", "{\"image_base64\": \"/9j/4AAQ=SkZJRg==\"}",
                     "{\"image_base64\": \"ÿØÿà\"}", "{\"image_base64\": 12345}", "{\"image_base64\": [\"/9j/\"]}", "{\"image_base64\": {\"data\": \"/9j/\"}}",
                     "{\"image_base64\": \"data:image/jpeg,/9j/4AAQ\"}",
                 })
        {
            var response = await client.PostJsonAsync(Url, json);
            await response.AssertErrorAsync(HttpStatusCode.BadRequest, "bad_image_base64");
        }
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task Over_ten_megabytes_decoded_is_image_too_large_before_decoding()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        // A JPEG signature followed by 10 MB of noise: refused for its size, not its content.
        var bytes = new byte[10 * 1024 * 1024 + 1];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;
        var response = await client.UploadAsync(bytes);
        var body = await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
        Assert.Equal("Image must be smaller than 10MB.", body.GetProperty("message").GetString());

        // Exactly 10 MB is not too large (it fails later, as noise).
        var limit = await client.UploadAsync(bytes[..(10 * 1024 * 1024)]);
        await limit.AssertErrorAsync(HttpStatusCode.BadRequest, "image_unreadable");
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task A_body_beyond_the_endpoint_cap_is_image_too_large()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        // 20 MB of JSON: over both the endpoint's cap and the server's outer limit.
        var huge = "{\"image_base64\": \"" + new string('A', 20 * 1024 * 1024) + "\"}";
        var response = await client.PostJsonAsync(Url, huge);
        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");

        // Without a Content-Length the cap holds while streaming.
        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        var chunked = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    public static TheoryData<string> Unsupported => new() { "bmp", "tiff", "svg", "pdf", "zip", "text", "html" };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task Other_types_are_unsupported_mime(string kind)
    {
        byte[] bytes = kind switch
        {
            "bmp" => [(byte)'B', (byte)'M', 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0],
            "tiff" => TiffBytes(),
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"),
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
            "zip" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0],
            "html" => Encoding.UTF8.GetBytes("<html><body><img src=x onerror=alert(1)></body></html>"),
            _ => Encoding.UTF8.GetBytes("just some text"),
        };
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.AdminKey).UploadAsync(bytes, "photo.jpg");
        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_mime");
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    private static byte[] TiffBytes()
    {
        using var image = TestImages.Gradient(8, 8);
        return image.TiffsaveBuffer();
    }

    public static TheoryData<string> Bombs => new() { "png-100000", "png-30000", "jpeg-65000", "gif-65535" };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task Decompression_bombs_are_refused_from_the_header_without_decoding(string kind)
    {
        var bytes = kind switch
        {
            "png-100000" => TestImages.PngClaiming(100_000, 100_000),
            "png-30000" => TestImages.PngClaiming(30_000, 100),
            "jpeg-65000" => TestImages.JpegClaiming(65_000, 65_000),
            _ => TestImages.GifClaimingHuge(),
        };
        // (libjpeg itself stops at 65500 pixels a side; 65000 x 65000 is 4 gigapixels it would decode.)
        Assert.True(bytes.Length < 2_000, $"{kind} is {bytes.Length} bytes");
        var brand = await NewBrandAsync();
        var watch = Stopwatch.StartNew();
        var response = await Api.ClientWith(brand.AdminKey).UploadAsync(bytes);
        var body = await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
        Assert.Contains("pixels", body.GetProperty("message").GetString());
        // Refused from the header: no time (or memory) spent on 10 gigapixels.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task A_large_real_image_over_the_pixel_limit_is_refused_while_a_big_one_under_it_is_stored()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        // 8000 x 7000 = 56 MP of flat colour compresses to a small PNG: a classic bomb shape.
        using (var flat = Image.Black(8000, 7000))
        {
            var response = await client.UploadAsync(flat.PngsaveBuffer(compression: 9));
            await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
        }
        using (var ok = Image.Black(6000, 4000))
        {
            var body = await client.UploadOkAsync(ok.JpegsaveBuffer());
            using var large = Image.NewFromBuffer((await TestImages.FetchAsync(Api.ClientWith(null), body.GetProperty("sizes").GetProperty("large").GetString()!)).Bytes);
            Assert.Equal((1024, 683), (large.Width, large.Height));
        }
    }

    public static TheoryData<string> Corrupt => new() { "jpeg-truncated", "png-truncated", "webp-truncated", "gif-truncated", "jpeg-garbage", "png-garbage" };

    [Theory]
    [MemberData(nameof(Corrupt))]
    public async Task Truncated_or_corrupt_images_are_image_unreadable(string kind)
    {
        var jpeg = TestImages.Jpeg(300, 200);
        var png = TestImages.Png(300, 200);
        var bytes = kind switch
        {
            "jpeg-truncated" => jpeg[..(jpeg.Length / 2)],
            "png-truncated" => png[..(png.Length / 2)],
            "webp-truncated" => TestImages.Webp(300, 200) is var w ? w[..(w.Length / 2)] : [],
            "gif-truncated" => TestImages.AnimatedGif(300, 200, 2) is var g ? g[..(g.Length / 2)] : [],
            "jpeg-garbage" => [0xFF, 0xD8, 0xFF, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))],
            _ => [.. png[..16], .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))],
        };
        var brand = await NewBrandAsync();
        var response = await Api.ClientWith(brand.AdminKey).UploadAsync(bytes);
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "image_unreadable");
        Assert.Equal(0, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task Unknown_fields_and_bad_filenames_are_validation_failed()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var b64 = Convert.ToBase64String(TestImages.Jpeg(20, 20));
        var cases = new (string Json, string Code)[]
        {
            ($"{{\"image_base64\": \"{b64}\", \"image\": \"x\"}}", "image_unknown"),
            ($"{{\"image_base64\": \"{b64}\", \"filename\": 42}}", "filename_invalid"),
            ($"{{\"image_base64\": \"{b64}\", \"filename\": \"{new string('a', 300)}.jpg\"}}", "filename_too_long"),
            ($"{{\"image_base64\": \"{b64}\", \"filename\": \"a.jpg\", \"filename\": \"b.jpg\"}}", "filename_duplicate"),
            ($"{{\"image_base64\": \"{b64}\", \"filename\": \"a\\u0000b.jpg\"}}", "filename_invalid"),
        };
        foreach (var (json, code) in cases)
        {
            var body = await (await client.PostJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal([code], body.ErrorCodes());
        }
        // A blank filename is the default name, like null.
        var blank = await client.PostJsonAsync(Url, $"{{\"image_base64\": \"{b64}\", \"filename\": \" \"}}");
        Assert.Equal(HttpStatusCode.Created, blank.StatusCode);
        // A hostile filename is only ever a slug in the key.
        var odd = await client.UploadOkAsync(TestImages.Jpeg(20, 20), "../../etc/passwd%00<script>.jpg");
        Assert.Matches("/[0-9a-f]{24}/passwd-00-script\\.jpg$", odd.GetProperty("url").GetString()!);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_content_type_are_refused()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await (await client.PostJsonAsync(Url, "{\"image_base64\": ")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await client.PostJsonAsync(Url, "[\"/9j/\"]")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var form = await client.PostAsync(Url, new ByteArrayContent(TestImages.Jpeg(10, 10)) { Headers = { ContentType = new("image/jpeg") } });
        await form.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Only_partner_admins_with_write_scope_may_upload()
    {
        var brand = await NewBrandAsync();
        var body = TestImages.UploadBody(TestImages.Jpeg(10, 10));
        await (await Api.ClientWith(null).PostJsonAsync(Url, body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nope").PostJsonAsync(Url, body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync(Url, body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).PostJsonAsync(Url, body)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await AttachmentCountAsync(brand));
        await Api.ClientWith(brand.WriteOnlyKey).UploadOkAsync(TestImages.Jpeg(10, 10));
    }

    [Fact]
    public async Task Sandbox_uploads_are_recorded_on_the_sandbox_plane()
    {
        var brand = await NewBrandAsync();
        await Api.ClientWith(brand.SandboxAdminKey).UploadOkAsync(TestImages.Jpeg(10, 10));
        Assert.Equal(1, await AttachmentCountAsync(brand, Plane.Sandbox));
        Assert.Equal(0, await AttachmentCountAsync(brand, Plane.Live));
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_same_attachment()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var body = TestImages.UploadBody(TestImages.Jpeg(30, 30));
        var key = Guid.NewGuid().ToString();
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = HttpExtensions.JsonContent(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("attachment_id").GetInt64());
        }
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await AttachmentCountAsync(brand));
    }

    [Fact]
    public async Task Media_that_does_not_exist_is_404_and_paths_cannot_escape_the_store()
    {
        var anonymous = Api.ClientWith(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/nope/missing.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/..%2F..%2Fappsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/../appsettings.json")).StatusCode);
    }
}
