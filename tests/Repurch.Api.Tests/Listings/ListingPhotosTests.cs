using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Media;

namespace Repurch.Api.Tests.Listings;

public sealed class ListingPhotosTests : ApiTest
{
    private static string CreateWith(string field, JsonNode value)
    {
        var body = JsonNode.Parse(Infrastructure.Listings.ValidCreate)!.AsObject();
        body[field] = value;
        return body.ToJsonString();
    }

    private static async Task<(long Id, string Url)> UploadAsync(HttpClient client, int width = 40)
    {
        var body = await client.UploadOkAsync(TestImages.Jpeg(width, 30));
        return (body.GetProperty("attachment_id").GetInt64(), body.GetProperty("url").GetString()!);
    }

    private static string[] Images(JsonElement listing) =>
        listing.GetProperty("images").EnumerateArray().Select(i => i.GetString()!).ToArray();

    [Fact]
    public async Task Attachment_ids_become_the_listings_images_in_order_with_the_first_as_cover()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await UploadAsync(client);
        var b = await UploadAsync(client);
        var c = await UploadAsync(client);

        var created = await client.PostJsonAsync("/v1/listings", CreateWith("attachment_ids", new JsonArray(c.Id, a.Id, b.Id)));
        var listing = await created.JsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, listing.ToString());
        Assert.Equal([c.Url, a.Url, b.Url], Images(listing));
        Assert.Equal(c.Url, listing.GetProperty("image_url").GetString());

        var id = listing.GetProperty("id").GetInt64();
        var detail = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal([c.Url, a.Url, b.Url], Images(detail));
        var page = await (await client.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal(c.Url, page.GetProperty("data")[0].GetProperty("image_url").GetString());

        // Update reorders; the new first one is the cover.
        var patched = await client.PatchJsonAsync($"/v1/listings/{id}", "{\"attachment_ids\": [" + b.Id + ", " + c.Id + "]}");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal([b.Url, c.Url], Images(await patched.JsonAsync()));
        Assert.Equal([b.Url, c.Url], Images(await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()));

        // A PATCH without photo fields leaves them alone; an empty list clears them.
        var price = await client.PatchJsonAsync($"/v1/listings/{id}", "{\"price_gbp\": 500}");
        Assert.Equal([b.Url, c.Url], Images(await price.JsonAsync()));
        var cleared = await client.PatchJsonAsync($"/v1/listings/{id}", "{\"attachment_ids\": []}");
        Assert.Empty(Images(await cleared.JsonAsync()));
    }

    [Fact]
    public async Task Uploaded_urls_work_in_images_too()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await UploadAsync(client);
        var created = await client.PostJsonAsync("/v1/listings", CreateWith("images", new JsonArray(a.Url, "https://cdn.example.com/other.jpg")));
        Assert.Equal([a.Url, "https://cdn.example.com/other.jpg"], Images(await created.JsonAsync()));
    }

    [Fact]
    public async Task Another_brands_attachment_id_is_rejected_and_nothing_is_created()
    {
        var mine = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(mine.AdminKey);
        var own = await UploadAsync(client);
        var foreign = await UploadAsync(Api.ClientWith(other.AdminKey));

        var response = await client.PostJsonAsync("/v1/listings", CreateWith("attachment_ids", new JsonArray(own.Id, foreign.Id)));
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["attachment_ids_invalid"], body.ErrorCodes());
        Assert.Equal(0, await mine.CountListingsAsync(Api.Planes));

        // Same on update, and the listing keeps its photos.
        var id = await Infrastructure.Listings.CreateAsync(client, CreateWith("attachment_ids", new JsonArray(own.Id)));
        var patch = await client.PatchJsonAsync($"/v1/listings/{id}", "{\"attachment_ids\": [" + foreign.Id + "]}");
        Assert.Equal(["attachment_ids_invalid"], (await patch.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Equal([own.Url], Images(await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync()));

        // A live attachment is not visible from the sandbox plane either.
        var sandbox = await Api.ClientWith(mine.SandboxAdminKey).PostJsonAsync("/v1/listings", CreateWith("attachment_ids", new JsonArray(own.Id)));
        Assert.Equal(["attachment_ids_invalid"], (await sandbox.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
    }

    public static TheoryData<string> BadIds => new()
    {
        "\"1\"", "[\"1\"]", "[0]", "[-5]", "[1.5]", "[9007199254740993000]", "[null]", "{\"id\": 1}", "[999999999999]",
        "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Malformed_or_unknown_attachment_ids_are_attachment_ids_invalid(string ids)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var response = await client.PostJsonAsync("/v1/listings", CreateWith("attachment_ids", JsonNode.Parse(ids)!));
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["attachment_ids_invalid"], body.ErrorCodes());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Duplicate_ids_and_images_with_attachment_ids_are_refused()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var a = await UploadAsync(client);

        var duplicate = await client.PostJsonAsync("/v1/listings", CreateWith("attachment_ids", new JsonArray(a.Id, a.Id)));
        Assert.Equal(["attachment_ids_invalid"], (await duplicate.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());

        var both = JsonNode.Parse(CreateWith("attachment_ids", new JsonArray(a.Id)))!.AsObject();
        both["images"] = new JsonArray("https://cdn.example.com/x.jpg");
        var conflict = await client.PostJsonAsync("/v1/listings", both.ToJsonString());
        Assert.Equal(["images_conflict"], (await conflict.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));

        // Empty or null attachment_ids next to images: images win.
        var withEmpty = JsonNode.Parse(CreateWith("attachment_ids", new JsonArray()))!.AsObject();
        withEmpty["images"] = new JsonArray("https://cdn.example.com/x.jpg");
        var ok = await client.PostJsonAsync("/v1/listings", withEmpty.ToJsonString());
        Assert.Equal(["https://cdn.example.com/x.jpg"], Images(await ok.JsonAsync()));
        var withNull = JsonNode.Parse(CreateWith("attachment_ids", null!))!.AsObject();
        var none = await client.PostJsonAsync("/v1/listings", withNull.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, none.StatusCode);
        Assert.Empty(Images(await none.JsonAsync()));
    }
}
