using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using Repurch.Api.Tests.Media;

namespace Repurch.Api.Tests.Disputes;

/// <summary>Evidence from the brand and the operator: screened, with photos, moving the dispute along.</summary>
[Collection(DemoSeedTests.Name)]
public sealed class EvidenceTests : ApiTest
{
    public const string Ordinary = "The sofa left our Long Eaton warehouse on 3 Dec, signed for at 14:20; photos of the packing attached.";
    public const string Phone = "Call me on 07700 900123 and we can sort this out between us.";
    public const string BankTransfer = "I'll refund you myself by bank transfer, send me your sort code and account number.";

    private static string Body(string text, long[]? photos = null) =>
        JsonSerializer.Serialize(photos is null ? new { text } : (object)new { text, photo_ids = photos });

    private async Task<(TestBrand Brand, Dispute Dispute)> DisputedAsync()
    {
        var brand = await NewBrandAsync();
        return (brand, await DisputeData.OpenAsync(Api, brand.Id, await DisputeData.PaidOrderAsync(Api, brand)));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string disputeId, string body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostJsonAsync($"/v1/disputes/{disputeId}/messages", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {json}");
        return json;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string disputeId)
    {
        var response = await client.GetAsync($"/v1/disputes/{disputeId}/messages?per_page=100");
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    [Fact]
    public async Task The_brand_answers_with_photos_and_the_dispute_awaits_the_buyer()
    {
        var (brand, dispute) = await DisputedAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var photo = (await client.UploadOkAsync(TestImages.Jpeg(40, 30))).GetProperty("attachment_id").GetInt64();

        var message = await PostAsync(client, dispute.Id, Body(Ordinary, [photo]));
        Assert.Equal("delivered", message.GetProperty("status").GetString());
        Assert.Equal("seller", message.GetProperty("author_side").GetString());
        Assert.Empty(message.GetProperty("reasons").EnumerateArray());
        Assert.Equal([photo], message.GetProperty("photo_ids").EnumerateArray().Select(p => p.GetInt64()));
        Assert.StartsWith("dsm_", message.GetProperty("id").GetString());

        var view = await (await client.GetAsync($"/v1/disputes/{dispute.Id}")).JsonAsync();
        Assert.Equal("awaiting_buyer", view.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("seller_responded_at").ValueKind);
        var listed = Assert.Single(await ListAsync(client, dispute.Id));
        Assert.Equal(Ordinary, listed.GetProperty("text").GetString());

        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "dispute.message_added");
        Assert.Equal(dispute.Id, audit.TargetId);
        Assert.DoesNotContain("Long Eaton", audit.Changes);
    }

    [Fact]
    public async Task Screened_messages_are_kept_with_their_verdict_and_do_not_count_as_an_answer()
    {
        var (brand, dispute) = await DisputedAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var held = await PostAsync(client, dispute.Id, Body(Phone));
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Contains("contact_details", held.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var blocked = await PostAsync(client, dispute.Id, Body(BankTransfer));
        Assert.Equal("blocked", blocked.GetProperty("status").GetString());
        Assert.Contains("off_platform_payment", blocked.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        // Neither reached the buyer, so the seller side has not answered yet.
        Assert.Equal("awaiting_seller", (await DisputeData.DisputeAsync(Api, brand.Id, dispute.Id)).Status);

        // The author's side sees its own with their status; the operator sees everything.
        Assert.Equal(["held", "blocked"], (await ListAsync(client, dispute.Id)).Select(m => m.GetProperty("status").GetString()));
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        Assert.Equal(2, (await ListAsync(op, dispute.Id)).Count);
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var stored = await db.DisputeMessages.Where(m => m.DisputeId == dispute.Id).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal([Phone, BankTransfer], stored.Select(m => m.Text));
        Assert.All(stored, m => Assert.False(string.IsNullOrEmpty(m.ValidatorVersion)));
    }

    [Fact]
    public async Task The_operator_adds_evidence_to_any_brands_dispute_and_the_state_holds()
    {
        var (brand, dispute) = await DisputedAsync();
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        var message = await PostAsync(op, dispute.Id, Body("Please both send photos of the damage and the delivery note."));
        Assert.Equal("operator", message.GetProperty("author_side").GetString());
        Assert.Equal("awaiting_seller", (await DisputeData.DisputeAsync(Api, brand.Id, dispute.Id)).Status);
        Assert.Single(await ListAsync(Api.ClientWith(brand.AdminKey), dispute.Id));
    }

    [Fact]
    public async Task Another_brand_sees_nothing_and_changes_nothing()
    {
        var (brand, dispute) = await DisputedAsync();
        var other = await NewBrandAsync();
        var theirs = Api.ClientWith(other.AdminKey);
        await (await theirs.PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", Body(Ordinary))).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        await (await theirs.GetAsync($"/v1/disputes/{dispute.Id}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
        // Another brand's photo is not evidence here.
        var foreign = (await theirs.UploadOkAsync(TestImages.Jpeg(20, 20))).GetProperty("attachment_id").GetInt64();
        var error = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", Body(Ordinary, [foreign])))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["photo_ids_not_found"], error.ErrorCodes());
        await (await Api.ClientWith(brand.MemberKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", Body(Ordinary))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", Body(Ordinary))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.DisputeMessages.AnyAsync());
        Assert.Equal("awaiting_seller", (await db.Disputes.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_resolved_dispute_takes_no_more_evidence()
    {
        var (brand, dispute) = await DisputedAsync();
        var op = Api.ClientWith(await DisputeData.OperatorKeyAsync(Api));
        Assert.Equal(HttpStatusCode.OK, (await DisputeData.ResolveAsync(op, dispute.Id, """{"outcome":"release"}""")).StatusCode);
        await (await Api.ClientWith(brand.AdminKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", Body(Ordinary))).AssertErrorAsync(HttpStatusCode.Conflict, "dispute_resolved");
        await (await op.PostJsonAsync("/v1/disputes/dsp_none/messages", Body(Ordinary))).AssertErrorAsync(HttpStatusCode.NotFound, "dispute_not_found");
    }

    [Theory]
    [InlineData("""{}""", "text_required")]
    [InlineData("""{"text":"   "}""", "text_required")]
    [InlineData("""{"text":12}""", "text_invalid")]
    [InlineData("""{"text":"bell\u0007"}""", "text_invalid")]
    [InlineData("""{"text":"ok","photo_ids":"1"}""", "photo_ids_invalid")]
    [InlineData("""{"text":"ok","photo_ids":[0]}""", "photo_ids_invalid")]
    [InlineData("""{"text":"ok","photo_ids":[1,2,3,4,5,6,7,8,9,10,11]}""", "photo_ids_invalid")]
    [InlineData("""{"text":"ok","photo_ids":[999999999]}""", "photo_ids_not_found")]
    [InlineData("""{"text":"ok","from":"buyer"}""", "from_unknown")]
    public async Task Bad_evidence_is_400_and_nothing_is_stored(string body, string code)
    {
        var (brand, dispute) = await DisputedAsync();
        var error = await (await Api.ClientWith(brand.AdminKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(code, error.ErrorCodes());
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.DisputeMessages.AnyAsync());
    }

    [Fact]
    public async Task Oversized_malformed_and_invalid_utf8_bodies_are_4xx()
    {
        var (brand, dispute) = await DisputedAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var url = $"/v1/disputes/{dispute.Id}/messages";
        await (await client.PostJsonAsync(url, Body(new string('a', 4001)))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostJsonAsync(url, Body(new string('a', 1024 * 1024)))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await client.PostJsonAsync(url, """{"text":"unfinished""")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        var invalid = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"text\":\"caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        invalid.Headers.ContentType = new("application/json");
        var response = await client.PostAsync(url, invalid);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await (await client.GetAsync($"/v1/disputes/{dispute.Id}/messages?per_page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.False(await db.DisputeMessages.AnyAsync());
    }
}
