using System.Net;
using System.Text.Json;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Conversations;

/// <summary>The brand's side of conversations about its own stock (partner admin key), on conversations written straight into the database.</summary>
public sealed class BrandConversationsTests : ApiTest
{
    private static string[] Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task The_brand_lists_conversations_about_its_stock_once_something_was_delivered_newest_activity_first()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var tradeIn = await brand.AddTradeInAsync(Api.Planes);
        var (b1, b2, b3) = (ConversationRows.NewAccountId(), ConversationRows.NewAccountId(), ConversationRows.NewAccountId());
        var older = await ConversationRows.ConversationAsync(Api, brand.Id, listing, b1);
        await ConversationRows.MessageAsync(Api, brand.Id, older, ConversationRoles.Buyer, b1, "Is it still available?");
        var newer = await ConversationRows.ConversationAsync(Api, brand.Id, listing, b2);
        await ConversationRows.MessageAsync(Api, brand.Id, newer, ConversationRoles.Buyer, b2, "Can you deliver to Leeds?");
        await ConversationRows.MessageAsync(Api, brand.Id, newer, ConversationRoles.Buyer, b2, "And on a Saturday?");
        // Only a held first message: it reached nobody, so the brand does not see the conversation.
        var held = await ConversationRows.ConversationAsync(Api, brand.Id, listing, b3);
        await ConversationRows.MessageAsync(Api, brand.Id, held, ConversationRoles.Buyer, b3, "call me", MessageStatus.Held, ["contact_details"]);
        // A consumer seller's conversation is between the two consumers.
        var seller = ConversationRows.NewAccountId();
        var consumers = await ConversationRows.ConversationAsync(Api, brand.Id, tradeIn, b1, ConversationRoles.SellerOwner, seller);
        await ConversationRows.MessageAsync(Api, brand.Id, consumers, ConversationRoles.Buyer, b1, "Hello");

        var response = await partner.GetAsync("/v1/conversations");
        var page = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([newer, older], Ids(page));
        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());
        var first = page.GetProperty("data")[0];
        Assert.Equal("owner", first.GetProperty("role").GetString());
        Assert.Equal("brand", first.GetProperty("owner_type").GetString());
        Assert.Equal(b2, first.GetProperty("buyer_account_id").GetString());
        Assert.Equal(listing, first.GetProperty("listing_id").GetInt64());
        Assert.Equal("Grey velvet corner sofa", first.GetProperty("listing_title").GetString());
        Assert.Equal(2, first.GetProperty("unread_count").GetInt32());
        Assert.Equal(brand.Id, page.GetProperty("meta").GetProperty("brand_id").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/v1/conversations/{held}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/v1/conversations/{consumers}/messages")).StatusCode);
    }

    [Fact]
    public async Task The_brand_never_sees_the_buyers_held_or_blocked_messages_and_sees_its_own_in_every_status()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        var m1 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "Hi, is it available?");
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "text me on 07700 900123", MessageStatus.Held, ["contact_details"]);
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "pay by bank transfer", MessageStatus.Blocked, ["off_platform_payment"]);
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "rejected one", MessageStatus.Rejected, ["contact_details"]);
        var m5 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Owner, null, "our own held", MessageStatus.Held, ["suspicious_link"]);
        var m6 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Owner, null, "Yes it is!");

        var page = await (await partner.GetAsync($"/v1/conversations/{c}/messages")).JsonAsync();
        Assert.Equal([m1, m5, m6], Ids(page));
        var own = page.GetProperty("data")[1];
        Assert.True(own.GetProperty("from_me").GetBoolean());
        Assert.Equal("held", own.GetProperty("status").GetString());
        Assert.Equal(["suspicious_link"], own.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.False(page.GetProperty("data")[0].GetProperty("from_me").GetBoolean());
        Assert.DoesNotContain("07700", page.ToString());
    }

    [Fact]
    public async Task Pages_hold_the_latest_messages_first_and_list_each_page_oldest_first()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, $"message {i}"));

        var p1 = await (await partner.GetAsync($"/v1/conversations/{c}/messages?per_page=2")).JsonAsync();
        var p3 = await (await partner.GetAsync($"/v1/conversations/{c}/messages?per_page=2&page=3")).JsonAsync();
        Assert.Equal(ids[3..], Ids(p1));
        Assert.Equal(ids[..1], Ids(p3));
        Assert.Equal(3, p1.GetProperty("meta").GetProperty("total_pages").GetInt32());
        await (await partner.GetAsync($"/v1/conversations/{c}/messages?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await partner.GetAsync("/v1/conversations?page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task Marking_read_sets_the_read_receipts_clears_unread_and_is_idempotent()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        var m1 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "one");
        var m2 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "two");

        var before = await (await partner.GetAsync($"/v1/conversations/{c}/messages")).JsonAsync();
        Assert.All(before.GetProperty("data").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("read_at").ValueKind));

        var read = await partner.PostAsync($"/v1/conversations/{c}/read", null);
        var body = await read.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(m2, body.GetProperty("last_read_message_id").GetString());
        Assert.Equal(0, body.GetProperty("unread_count").GetInt32());

        var m3 = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "three");
        var after = await (await partner.GetAsync($"/v1/conversations/{c}/messages")).JsonAsync();
        var readAt = after.GetProperty("data").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("read_at"));
        Assert.Equal(JsonValueKind.String, readAt[m1].ValueKind);
        Assert.Equal(readAt[m1].GetString(), readAt[m2].GetString());
        Assert.Equal(JsonValueKind.Null, readAt[m3].ValueKind);
        var list = await (await partner.GetAsync("/v1/conversations")).JsonAsync();
        Assert.Equal(1, list.GetProperty("data")[0].GetProperty("unread_count").GetInt32());

        // Again twice: one more advance (m3), then nothing new; the first receipts keep their time.
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/v1/conversations/{c}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/v1/conversations/{c}/read", null)).StatusCode);
        var last = await (await partner.GetAsync($"/v1/conversations/{c}/messages")).JsonAsync();
        var lastReadAt = last.GetProperty("data").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("read_at").GetString());
        Assert.Equal(readAt[m1].GetString(), lastReadAt[m1]);
        Assert.NotNull(lastReadAt[m3]);
        Assert.Equal(2L, await ReadRowsAsync(brand.Id, c));
    }

    [Fact]
    public async Task Another_brand_and_unknown_ids_are_404_and_change_nothing()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "one");
        var intruder = Api.ClientWith(other.AdminKey);

        await (await intruder.GetAsync($"/v1/conversations/{c}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.PostAsync($"/v1/conversations/{c}/read", null)).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Empty(Ids(await (await intruder.GetAsync("/v1/conversations")).JsonAsync()));
        Assert.Equal(0L, await ReadRowsAsync(brand.Id, c));
        await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/conversations/conv_{new string('x', 60)}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Fact]
    public async Task Only_a_partner_admin_key_with_the_scope_reaches_the_brand_side()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(null).GetAsync("/v1/conversations")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/conversations")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync("/v1/conversations")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.ReadOnlyKey).PostAsync("/v1/conversations/conv_x/read", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_brands_answers_are_screened_delivered_held_or_blocked_and_announced()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "Is it available?");

        var response = await partner.PostAsync($"/v1/conversations/{c}/messages", Talk.Json(new { text = "Yes, it is." }));
        var delivered = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal("owner", delivered.GetProperty("sender_role").GetString());
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("sender_account_id").ValueKind);
        Assert.Equal(Repurch.Api.Features.Trust.MessageScreener.Version, delivered.GetProperty("validator_version").GetString());

        var held = await Talk.SendAsync(partner, $"/v1/conversations/{c}/messages", Talk.Contact);
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Contains("contact_details", held.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var blocked = await Talk.SendAsync(partner, $"/v1/conversations/{c}/messages", Talk.BankTransfer);
        Assert.Equal("blocked", blocked.GetProperty("status").GetString());
        Assert.Contains("off_platform_payment", blocked.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // The sender (the brand) sees all three, with their statuses.
        var seen = await Talk.MessagesAsync(partner, $"/v1/conversations/{c}/messages");
        Assert.Equal(["delivered", "delivered", "held", "blocked"], seen.Select(m => m.GetProperty("status").GetString()!).ToArray());

        var created = Assert.Single(await Talk.EventsAsync(Api, brand.Id, MessageEvents.Created));
        var createdData = JsonDocument.Parse(created.Data).RootElement.GetProperty("object");
        Assert.Equal("Yes, it is.", createdData.GetProperty("text").GetString());
        Assert.Equal(buyer, createdData.GetProperty("recipient_account_id").GetString());
        var heldEvent = Assert.Single(await Talk.EventsAsync(Api, brand.Id, MessageEvents.Held));
        Assert.DoesNotContain("07700", heldEvent.Data);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(heldEvent.Data).RootElement.GetProperty("object").GetProperty("text").ValueKind);

        var audit = (await (await partner.GetAsync("/v1/partner/audit-log")).JsonAsync()).GetProperty("data").EnumerateArray().ToList();
        var heldEntry = audit.Single(e => e.GetProperty("action").GetString() == "message.held");
        var blockedEntry = audit.Single(e => e.GetProperty("action").GetString() == "message.blocked");
        Assert.Equal(held.GetProperty("id").GetString(), heldEntry.GetProperty("target_id").GetString());
        Assert.Equal(blocked.GetProperty("id").GetString(), blockedEntry.GetProperty("target_id").GetString());
        Assert.All([heldEntry, blockedEntry], e =>
        {
            Assert.Equal(JsonValueKind.Null, e.GetProperty("actor_key_id").ValueKind);
            Assert.Equal(Repurch.Api.Features.Trust.MessageScreener.Version, e.GetProperty("changes").GetProperty("validator_version").GetProperty("to").GetString());
            Assert.NotEmpty(e.GetProperty("changes").GetProperty("reasons").GetProperty("to").EnumerateArray());
        });
        Assert.DoesNotContain("07700", string.Join("", audit.Select(e => e.ToString())));
        Assert.DoesNotContain(audit, e => e.GetProperty("action").GetString() == "message.delivered");
    }

    [Fact]
    public async Task The_brand_edits_its_own_latest_message_and_not_the_buyers()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        var question = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "Is it available?");
        var v1 = (await Talk.SendAsync(partner, $"/v1/conversations/{c}/messages", "Yes, until Fridya.")).GetProperty("id").GetString()!;

        var v2 = await Talk.SendAsync(partner, $"/v1/conversations/{c}/messages/{v1}/edits", "Yes, until Friday.");
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1, v2.GetProperty("replaces").GetString());
        await (await partner.PostAsync($"/v1/conversations/{c}/messages/{v1}/edits", Talk.Json(new { text = "x" }))).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_editable");
        await (await partner.PostAsync($"/v1/conversations/{c}/messages/{question}/edits", Talk.Json(new { text = "x" }))).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_editable");
        var seen = await Talk.MessagesAsync(partner, $"/v1/conversations/{c}/messages");
        Assert.Equal(v2.GetProperty("id").GetString(), seen.Single(m => m.GetProperty("id").GetString() == v1).GetProperty("superseded_by").GetString());
    }

    [Fact]
    public async Task Another_brand_cannot_answer_or_edit_and_bad_bodies_write_nothing()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        var question = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "Is it available?");
        var intruder = Api.ClientWith(other.AdminKey);

        await (await intruder.PostAsync($"/v1/conversations/{c}/messages", Talk.Json(new { text = "Hi" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.PostAsync($"/v1/conversations/{c}/messages/{question}/edits", Talk.Json(new { text = "Hi" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Equal(1, await Talk.MessageCountAsync(Api, brand.Id));
        Assert.Equal(0, await Talk.MessageCountAsync(Api, other.Id));

        var url = $"/v1/conversations/{c}/messages";
        await (await partner.PostAsync(url, HttpExtensions.JsonContent("{"))).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        Assert.Contains("text_invalid", (await (await partner.PostAsync(url, HttpExtensions.JsonContent("""{"text": 5}"""))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Contains("text_invalid", (await (await partner.PostAsync(url, HttpExtensions.JsonContent("""{"text": "a\u0007b"}"""))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        Assert.Contains("text_too_long", (await (await partner.PostAsync(url, Talk.Json(new { text = new string('a', 4001) }))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorCodes());
        await (await partner.PostAsync(url, Talk.Raw([.. """{"text": "a"""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()]))).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        await (await partner.PostAsync(url, Talk.Json(new { text = new string('a', 1024 * 1024) }))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await Api.ClientWith(brand.ReadOnlyKey).PostAsync(url, Talk.Json(new { text = "Hi" }))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1, await Talk.MessageCountAsync(Api, brand.Id));
    }

    private async Task<long> ReadRowsAsync(string brandId, string conversationId)
    {
        await using var db = Api.Planes.Open(Repurch.Api.Persistence.Plane.Live, brandId);
        return db.ConversationReads.LongCount(r => r.ConversationId == conversationId);
    }
}
