using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;
using static Repurch.Api.Tests.Conversations.Talk;

namespace Repurch.Api.Tests.Conversations;

/// <summary>Buyers and consumer sellers on /v1/me/conversations, and the brand answering about its stock, with real screening.</summary>
public sealed class ConversationsTests : ApiTest
{
    [Fact]
    public async Task A_buyer_opens_a_conversation_about_brand_stock_and_the_brand_reads_and_answers()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);

        var response = await client.PostAsync("/v1/me/conversations", Json(new { listing_id = listing, text = Ordinary }));
        var opened = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = opened.GetProperty("conversation");
        var id = conversation.GetProperty("id").GetString()!;
        Assert.StartsWith("conv_", id);
        Assert.Equal("buyer", conversation.GetProperty("role").GetString());
        Assert.Equal("brand", conversation.GetProperty("owner_type").GetString());
        Assert.Equal(buyer.Id, conversation.GetProperty("buyer_account_id").GetString());
        var first = opened.GetProperty("message");
        Assert.StartsWith("msg_", first.GetProperty("id").GetString());
        Assert.Equal("delivered", first.GetProperty("status").GetString());
        Assert.Empty(first.GetProperty("reasons").EnumerateArray());
        Assert.Equal(Repurch.Api.Features.Trust.MessageScreener.Version, first.GetProperty("validator_version").GetString());

        // Opening again finds the same conversation (200) and adds the text to it.
        var (again, sameId, _) = await OpenAsync(client, listing, "Also, does it come with the cushions?");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(id, sameId);

        var brandList = await (await partner.GetAsync("/v1/conversations")).JsonAsync();
        Assert.Equal([id], Ids(brandList.GetProperty("data").EnumerateArray()));
        Assert.Equal(2, brandList.GetProperty("data")[0].GetProperty("unread_count").GetInt32());
        var reply = await SendAsync(partner, $"/v1/conversations/{id}/messages", "Yes, collection on Saturday is fine.");
        Assert.Equal("delivered", reply.GetProperty("status").GetString());
        Assert.Equal("owner", reply.GetProperty("sender_role").GetString());

        var seen = await MessagesAsync(client, $"/v1/me/conversations/{id}/messages");
        Assert.Equal(3, seen.Length);
        Assert.Equal("Yes, collection on Saturday is fine.", seen[2].GetProperty("text").GetString());
        Assert.False(seen[2].GetProperty("from_me").GetBoolean());
        var mine = await (await client.GetAsync("/v1/me/conversations")).JsonAsync();
        Assert.Equal(1, mine.GetProperty("data")[0].GetProperty("unread_count").GetInt32());

        var created = await EventsAsync(Api, brand.Id, MessageEvents.Created);
        Assert.Equal(3, created.Count);
        var data = JsonDocument.Parse(created[0].Data).RootElement.GetProperty("object");
        Assert.Equal(Ordinary, data.GetProperty("text").GetString());
        Assert.Equal(buyer.Id, data.GetProperty("sender_account_id").GetString());
        Assert.Equal(listing, data.GetProperty("listing_id").GetInt64());
    }

    [Fact]
    public async Task A_held_message_is_the_senders_alone_until_approved_announced_without_its_text_and_audited_automatically()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);
        var (_, id, _) = await OpenAsync(client, listing, Ordinary);

        var held = await SendAsync(client, $"/v1/me/conversations/{id}/messages", Contact);
        var heldId = held.GetProperty("id").GetString()!;
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Contains("contact_details", held.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(held.GetProperty("signals").EnumerateArray());
        var signal = held.GetProperty("signals")[0];
        Assert.True(signal.GetProperty("end").GetInt32() > signal.GetProperty("start").GetInt32());

        Assert.Contains(heldId, Ids(await MessagesAsync(client, $"/v1/me/conversations/{id}/messages")));
        Assert.DoesNotContain(heldId, Ids(await MessagesAsync(partner, $"/v1/conversations/{id}/messages")));
        Assert.Equal(1, (await (await partner.GetAsync("/v1/conversations")).JsonAsync()).GetProperty("data")[0].GetProperty("unread_count").GetInt32());

        var heldEvent = Assert.Single(await EventsAsync(Api, brand.Id, MessageEvents.Held));
        var payload = JsonDocument.Parse(heldEvent.Data).RootElement.GetProperty("object");
        Assert.Equal(heldId, payload.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("text").ValueKind);
        Assert.DoesNotContain("07700", heldEvent.Data);
        Assert.Contains("contact_details", payload.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var audit = await (await partner.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entry = audit.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "message.held");
        Assert.Equal(heldId, entry.GetProperty("target_id").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actor_key_id").ValueKind);
        Assert.Equal(Repurch.Api.Features.Trust.MessageScreener.Version, entry.GetProperty("changes").GetProperty("validator_version").GetProperty("to").GetString());
        Assert.Contains("contact_details", entry.GetProperty("changes").GetProperty("reasons").GetProperty("to").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("07700", audit.ToString());

        // Approved: the brand sees it now, and it is announced with its text.
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/v1/moderation/messages/{heldId}/approve", null)).StatusCode);
        Assert.Contains(heldId, Ids(await MessagesAsync(partner, $"/v1/conversations/{id}/messages")));
        var delivered = (await EventsAsync(Api, brand.Id, MessageEvents.Created)).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("object")).ToList();
        Assert.Contains(delivered, d => d.GetProperty("id").GetString() == heldId && d.GetProperty("text").GetString() == Contact);
        var senderView = (await MessagesAsync(client, $"/v1/me/conversations/{id}/messages")).Single(m => m.GetProperty("id").GetString() == heldId);
        Assert.Equal("delivered", senderView.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_blocked_message_reaches_nobody_emits_nothing_and_is_audited()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);

        var (status, id, first) = await OpenAsync(client, listing, BankTransfer);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("blocked", first.GetProperty("status").GetString());
        Assert.Contains("off_platform_payment", first.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var blockedId = first.GetProperty("id").GetString()!;

        // Nothing was delivered, so the brand does not even see the conversation.
        Assert.Empty((await (await partner.GetAsync("/v1/conversations")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await partner.GetAsync($"/v1/conversations/{id}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Equal([blockedId], Ids(await MessagesAsync(client, $"/v1/me/conversations/{id}/messages")));
        Assert.Empty(await EventsAsync(Api, brand.Id, MessageEvents.Created));
        Assert.Empty(await EventsAsync(Api, brand.Id, MessageEvents.Held));
        var audit = await (await partner.GetAsync("/v1/partner/audit-log")).JsonAsync();
        Assert.Contains(audit.GetProperty("data").EnumerateArray(), e => e.GetProperty("action").GetString() == "message.blocked" && e.GetProperty("target_id").GetString() == blockedId);
        await (await partner.PostAsync($"/v1/moderation/messages/{blockedId}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
    }

    [Fact]
    public async Task The_buyer_never_sees_the_brands_held_or_blocked_answers()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = (await TestAccount.CreateAsync(Api, brand)).Client(Api);
        var (_, id, question) = await OpenAsync(buyer, listing, Ordinary);
        var held = await SendAsync(partner, $"/v1/conversations/{id}/messages", Contact);
        var blocked = await SendAsync(partner, $"/v1/conversations/{id}/messages", BankTransfer);
        Assert.Equal(["held", "blocked"], new[] { held, blocked }.Select(m => m.GetProperty("status").GetString()!).ToArray());

        var seen = await MessagesAsync(buyer, $"/v1/me/conversations/{id}/messages");
        Assert.Equal([question.GetProperty("id").GetString()!], Ids(seen));
        Assert.Equal(0, (await (await buyer.GetAsync("/v1/me/conversations")).JsonAsync()).GetProperty("data")[0].GetProperty("unread_count").GetInt32());
        var read = await (await buyer.PostAsync($"/v1/me/conversations/{id}/read", null)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, read.GetProperty("last_read_message_id").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/v1/moderation/messages/{held.GetProperty("id").GetString()}/reject", null)).StatusCode);
        Assert.Equal([question.GetProperty("id").GetString()!], Ids(await MessagesAsync(buyer, $"/v1/me/conversations/{id}/messages")));
    }

    [Fact]
    public async Task A_consumer_seller_reads_and_answers_through_the_same_endpoints_with_read_receipts()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var seller = await TestAccount.CreateAsync(Api, brand, "Seller");
        var buyer = await TestAccount.CreateAsync(Api, brand, "Buyer");
        var listing = await SellerListingAsync(Api, brand, seller.Id);
        var (buyerClient, sellerClient) = (buyer.Client(Api), seller.Client(Api));

        var (_, id, question) = await OpenAsync(buyerClient, listing, Ordinary);
        var sellerList = await (await sellerClient.GetAsync("/v1/me/conversations")).JsonAsync();
        var asOwner = Assert.Single(sellerList.GetProperty("data").EnumerateArray());
        Assert.Equal("owner", asOwner.GetProperty("role").GetString());
        Assert.Equal("seller", asOwner.GetProperty("owner_type").GetString());
        Assert.Equal(seller.Id, asOwner.GetProperty("owner_account_id").GetString());
        Assert.Equal(1, asOwner.GetProperty("unread_count").GetInt32());

        // The seller's held message stays with the seller; the delivered reply reaches the buyer.
        var heldReply = await SendAsync(sellerClient, $"/v1/me/conversations/{id}/messages", Contact);
        Assert.Equal("held", heldReply.GetProperty("status").GetString());
        var reply = await SendAsync(sellerClient, $"/v1/me/conversations/{id}/messages", "Yes, Saturday morning works.");
        var buyerSees = Ids(await MessagesAsync(buyerClient, $"/v1/me/conversations/{id}/messages"));
        Assert.Equal([question.GetProperty("id").GetString()!, reply.GetProperty("id").GetString()!], buyerSees);

        // Read receipts: the buyer's question is unread until the seller marks the conversation read.
        var before = (await MessagesAsync(buyerClient, $"/v1/me/conversations/{id}/messages"))[0];
        Assert.Equal(JsonValueKind.Null, before.GetProperty("read_at").ValueKind);
        var read = await (await sellerClient.PostAsync($"/v1/me/conversations/{id}/read", null)).JsonAsync();
        Assert.Equal(question.GetProperty("id").GetString(), read.GetProperty("last_read_message_id").GetString());
        var after = (await MessagesAsync(buyerClient, $"/v1/me/conversations/{id}/messages"))[0];
        Assert.Equal(read.GetProperty("read_at").GetString(), after.GetProperty("read_at").GetString());
        Assert.Equal(0, (await (await sellerClient.GetAsync("/v1/me/conversations")).JsonAsync()).GetProperty("data")[0].GetProperty("unread_count").GetInt32());

        // A conversation between two consumers is not the brand's to read (only its held messages, in moderation).
        Assert.Empty((await (await partner.GetAsync("/v1/conversations")).JsonAsync()).GetProperty("data").EnumerateArray());
        await (await partner.PostAsync($"/v1/conversations/{id}/messages", Json(new { text = "Hi" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Contains(heldReply.GetProperty("id").GetString(), Ids((await (await partner.GetAsync("/v1/moderation/messages")).JsonAsync()).GetProperty("data").EnumerateArray()));
    }

    [Fact]
    public async Task Opening_refuses_the_callers_own_listing_another_brands_closed_and_pending_review_ones()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);
        var own = await SellerListingAsync(Api, brand, buyer.Id);
        var foreign = await Infrastructure.Listings.CreateAsync(Api.ClientWith(other.AdminKey));
        var stranger = await TestAccount.CreateAsync(Api, brand);
        var closed = await SellerListingAsync(Api, brand, stranger.Id, "closed");
        var pending = await SellerListingAsync(Api, brand, stranger.Id, "pending_review");

        await (await client.PostAsync("/v1/me/conversations", Json(new { listing_id = own, text = Ordinary }))).AssertErrorAsync(HttpStatusCode.Conflict, "own_listing");
        await (await client.PostAsync("/v1/me/conversations", Json(new { listing_id = foreign, text = Ordinary }))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await client.PostAsync("/v1/me/conversations", Json(new { listing_id = closed, text = Ordinary }))).AssertErrorAsync(HttpStatusCode.Conflict, "listing_unavailable");
        await (await client.PostAsync("/v1/me/conversations", Json(new { listing_id = pending, text = Ordinary }))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await client.PostAsync("/v1/me/conversations", Json(new { listing_id = 999_999_999_999, text = Ordinary }))).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        Assert.Equal(0, await MessageCountAsync(Api, brand.Id));
        Assert.Equal(0, await MessageCountAsync(Api, other.Id));
    }

    [Fact]
    public async Task Another_buyer_gets_404_on_every_conversation_endpoint_and_changes_nothing()
    {
        var brand = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var owner = await TestAccount.CreateAsync(Api, brand);
        var intruder = (await TestAccount.CreateAsync(Api, brand)).Client(Api);
        var (_, id, first) = await OpenAsync(owner.Client(Api), listing, Ordinary);
        var messageId = first.GetProperty("id").GetString()!;
        var count = await MessageCountAsync(Api, brand.Id);

        await (await intruder.GetAsync($"/v1/me/conversations/{id}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.PostAsync($"/v1/me/conversations/{id}/messages", Json(new { text = "hello" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.PostAsync($"/v1/me/conversations/{id}/messages/{messageId}/edits", Json(new { text = "hello" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.PostAsync($"/v1/me/conversations/{id}/read", null)).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Empty((await (await intruder.GetAsync("/v1/me/conversations")).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(count, await MessageCountAsync(Api, brand.Id));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal(0, await db.ConversationReads.CountAsync());

        // A buyer of another brand, with the same conversation id: 404 as well.
        var otherBrand = await NewBrandAsync();
        var foreigner = (await TestAccount.CreateAsync(Api, otherBrand)).Client(Api);
        await (await foreigner.GetAsync($"/v1/me/conversations/{id}/messages")).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await foreigner.PostAsync($"/v1/me/conversations/{id}/messages", Json(new { text = "hello" }))).AssertErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.Equal(count, await MessageCountAsync(Api, brand.Id));
    }

    [Fact]
    public async Task Edits_are_new_versions_screened_again_and_the_old_version_stays()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);
        var (_, id, first) = await OpenAsync(client, listing, "Is it still availble?");
        var v1 = first.GetProperty("id").GetString()!;

        var v2 = await SendAsync(client, $"/v1/me/conversations/{id}/messages/{v1}/edits", "Is it still available?");
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1, v2.GetProperty("replaces").GetString());
        Assert.Equal("delivered", v2.GetProperty("status").GetString());
        var v2Id = v2.GetProperty("id").GetString()!;

        var brandSees = await MessagesAsync(partner, $"/v1/conversations/{id}/messages");
        Assert.Equal([v1, v2Id], Ids(brandSees));
        Assert.Equal("Is it still availble?", brandSees[0].GetProperty("text").GetString());
        Assert.Equal(v2Id, brandSees[0].GetProperty("superseded_by").GetString());

        // Only the latest version, and only by its sender.
        await (await client.PostAsync($"/v1/me/conversations/{id}/messages/{v1}/edits", Json(new { text = "again" }))).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_editable");
        var reply = await SendAsync(partner, $"/v1/conversations/{id}/messages", "Yes it is.");
        await (await client.PostAsync($"/v1/me/conversations/{id}/messages/{reply.GetProperty("id").GetString()}/edits", Json(new { text = "No it isn't" })))
            .AssertErrorAsync(HttpStatusCode.Conflict, "message_not_editable");
        await (await client.PostAsync($"/v1/me/conversations/{id}/messages/msg_missing/edits", Json(new { text = "x" }))).AssertErrorAsync(HttpStatusCode.NotFound, "message_not_found");

        // An edit that smuggles contact details is held: the brand keeps seeing v2 only.
        var v3 = await SendAsync(client, $"/v1/me/conversations/{id}/messages/{v2Id}/edits", Contact);
        Assert.Equal("held", v3.GetProperty("status").GetString());
        var brandNow = await MessagesAsync(partner, $"/v1/conversations/{id}/messages");
        Assert.DoesNotContain(v3.GetProperty("id").GetString(), Ids(brandNow));
        Assert.Equal(JsonValueKind.Null, brandNow.Single(m => m.GetProperty("id").GetString() == v2Id).GetProperty("superseded_by").ValueKind);
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        Assert.Equal("Is it still availble?", (await db.Messages.SingleAsync(m => m.Id == v1)).Text);
    }

    [Fact]
    public async Task Two_opens_at_once_make_one_conversation_and_two_edits_of_one_version_make_one_new_version()
    {
        var brand = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var (a, b) = (buyer.Client(Api), buyer.Client(Api));

        var opens = await Task.WhenAll(
            a.PostAsync("/v1/me/conversations", Json(new { listing_id = listing, text = "First question" })),
            b.PostAsync("/v1/me/conversations", Json(new { listing_id = listing, text = "Second question" })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], opens.Select(r => r.StatusCode).Order());
        var ids = await Task.WhenAll(opens.Select(async r => (await r.JsonAsync()).GetProperty("conversation").GetProperty("id").GetString()));
        Assert.Equal(ids[0], ids[1]);

        var target = (await MessagesAsync(a, $"/v1/me/conversations/{ids[0]}/messages"))[0].GetProperty("id").GetString();
        var edits = await Task.WhenAll(
            a.PostAsync($"/v1/me/conversations/{ids[0]}/messages/{target}/edits", Json(new { text = "Edit one" })),
            b.PostAsync($"/v1/me/conversations/{ids[0]}/messages/{target}/edits", Json(new { text = "Edit two" })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], edits.Select(r => r.StatusCode).Order());
        Assert.Equal(3, await MessageCountAsync(Api, brand.Id));
    }

    [Fact]
    public async Task A_consumer_sending_too_fast_is_limited_with_retry_after()
    {
        var brand = await NewBrandAsync();
        var listing = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));
        var buyer = await TestAccount.CreateAsync(Api, brand);
        var client = buyer.Client(Api);
        var (_, id, _) = await OpenAsync(client, listing, "Message 1");
        for (var i = 2; i <= MessagePosting.MaxPerMinute; i++) await SendAsync(client, $"/v1/me/conversations/{id}/messages", $"Message {i}");

        var limited = await client.PostAsync($"/v1/me/conversations/{id}/messages", Json(new { text = "One too many" }));
        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "message_rate_limited");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal(MessagePosting.MaxPerMinute, await MessageCountAsync(Api, brand.Id));
    }

    [Fact]
    public async Task Only_a_consumer_user_token_reaches_me_conversations()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(null).GetAsync("/v1/me/conversations")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/me/conversations")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.AdminKey).PostAsync("/v1/me/conversations", Json(new { listing_id = 1, text = "x" }))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var buyer = await TestAccount.CreateAsync(Api, brand);
        await (await buyer.Client(Api).GetAsync("/v1/conversations")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await buyer.Client(Api).GetAsync("/v1/moderation/messages")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
