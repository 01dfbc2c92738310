using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Conversations;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Moderation;

/// <summary>The brand's moderation queue of held messages: approve delivers (and emits), reject keeps it hidden; every decision is audited.</summary>
public sealed class ModerationMessagesTests : ApiTest
{
    private sealed record Setup(TestBrand Brand, HttpClient Partner, string Conversation, string Buyer, string Held);

    private async Task<Setup> HeldAsync()
    {
        var brand = await NewBrandAsync();
        var partner = Api.ClientWith(brand.AdminKey);
        var listing = await Infrastructure.Listings.CreateAsync(partner);
        var buyer = ConversationRows.NewAccountId();
        var c = await ConversationRows.ConversationAsync(Api, brand.Id, listing, buyer);
        await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "Is it available?");
        var held = await ConversationRows.MessageAsync(Api, brand.Id, c, ConversationRoles.Buyer, buyer, "ring me on 07700 900123", MessageStatus.Held, ["contact_details"]);
        return new Setup(brand, partner, c, buyer, held);
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    private async Task<Message> MessageAsync(string brandId, string id)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Messages.SingleAsync(m => m.Id == id);
    }

    private async Task<List<EventRecord>> EventsAsync(string brandId, string type)
    {
        await using var db = Api.Planes.Open(Plane.Live, brandId);
        return await db.Events.Where(e => e.Type == type).ToListAsync();
    }

    [Fact]
    public async Task The_queue_lists_the_brands_held_messages_with_text_reasons_and_version()
    {
        var s = await HeldAsync();
        var blocked = await ConversationRows.MessageAsync(Api, s.Brand.Id, s.Conversation, ConversationRoles.Buyer, s.Buyer, "bank transfer please", MessageStatus.Blocked, ["off_platform_payment"]);
        var other = await HeldAsync();

        var page = await (await s.Partner.GetAsync("/v1/moderation/messages?status=held")).JsonAsync();
        Assert.Equal([s.Held], Ids(page));
        var item = page.GetProperty("data")[0];
        Assert.Equal("ring me on 07700 900123", item.GetProperty("text").GetString());
        Assert.Equal("contact_details", item.GetProperty("reasons")[0].GetString());
        Assert.Equal(ConversationRows.Version, item.GetProperty("validator_version").GetString());
        Assert.Equal(s.Conversation, item.GetProperty("conversation_id").GetString());
        Assert.Equal([s.Held], Ids(await (await s.Partner.GetAsync("/v1/moderation/messages")).JsonAsync()));
        Assert.Equal([blocked], Ids(await (await s.Partner.GetAsync("/v1/moderation/messages?status=blocked")).JsonAsync()));
        Assert.DoesNotContain(other.Held, Ids(page));

        var bad = await (await s.Partner.GetAsync("/v1/moderation/messages?status=delivered")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal("status", bad.GetProperty("data").GetProperty("param").GetString());
        await (await s.Partner.GetAsync("/v1/moderation/messages?per_page=0")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task Approving_delivers_the_message_to_the_recipient_emits_message_created_and_is_audited()
    {
        var s = await HeldAsync();
        Assert.DoesNotContain(s.Held, Ids(await (await s.Partner.GetAsync($"/v1/conversations/{s.Conversation}/messages")).JsonAsync()));

        var response = await s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null);
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("delivered", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("moderated_at").ValueKind);

        var messages = await (await s.Partner.GetAsync($"/v1/conversations/{s.Conversation}/messages")).JsonAsync();
        Assert.Contains(s.Held, Ids(messages));
        var list = await (await s.Partner.GetAsync("/v1/conversations")).JsonAsync();
        Assert.Equal(2, list.GetProperty("data")[0].GetProperty("unread_count").GetInt32());

        var created = Assert.Single(await EventsAsync(s.Brand.Id, MessageEvents.Created));
        var data = JsonDocument.Parse(created.Data).RootElement.GetProperty("object");
        Assert.Equal(s.Held, data.GetProperty("id").GetString());
        Assert.Equal("ring me on 07700 900123", data.GetProperty("text").GetString());
        Assert.Equal("owner", data.GetProperty("recipient_role").GetString());

        var audit = await (await s.Partner.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entry = audit.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "message.approved");
        Assert.Equal(s.Held, entry.GetProperty("target_id").GetString());
        var changes = entry.GetProperty("changes");
        Assert.Equal("delivered", changes.GetProperty("status").GetProperty("to").GetString());
        Assert.Equal("contact_details", changes.GetProperty("reasons").GetProperty("to")[0].GetString());
        Assert.Equal(ConversationRows.Version, changes.GetProperty("validator_version").GetProperty("to").GetString());
        Assert.DoesNotContain("07700", audit.ToString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("actor_key_id").ValueKind);

        await (await s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
        await (await s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/reject", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
        Assert.Single(await EventsAsync(s.Brand.Id, MessageEvents.Created));
    }

    [Fact]
    public async Task Rejecting_keeps_the_message_hidden_from_the_recipient_for_good_and_is_audited()
    {
        var s = await HeldAsync();
        var response = await s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/reject", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (await response.JsonAsync()).GetProperty("status").GetString());

        Assert.DoesNotContain(s.Held, Ids(await (await s.Partner.GetAsync($"/v1/conversations/{s.Conversation}/messages")).JsonAsync()));
        Assert.Empty(Ids(await (await s.Partner.GetAsync("/v1/moderation/messages")).JsonAsync()));
        Assert.Equal([s.Held], Ids(await (await s.Partner.GetAsync("/v1/moderation/messages?status=rejected")).JsonAsync()));
        Assert.Empty(await EventsAsync(s.Brand.Id, MessageEvents.Created));
        var m = await MessageAsync(s.Brand.Id, s.Held);
        Assert.Equal(MessageStatus.Rejected, m.Status);
        Assert.Null(m.DeliverySeq);

        var audit = await (await s.Partner.GetAsync("/v1/partner/audit-log")).JsonAsync();
        var entry = audit.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "message.rejected");
        Assert.Equal("rejected", entry.GetProperty("changes").GetProperty("status").GetProperty("to").GetString());
        await (await s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
    }

    [Fact]
    public async Task Delivered_and_blocked_messages_cannot_be_decided()
    {
        var s = await HeldAsync();
        var delivered = await ConversationRows.MessageAsync(Api, s.Brand.Id, s.Conversation, ConversationRoles.Buyer, s.Buyer, "fine");
        var blocked = await ConversationRows.MessageAsync(Api, s.Brand.Id, s.Conversation, ConversationRoles.Buyer, s.Buyer, "scam", MessageStatus.Blocked, ["payment_scam"]);
        await (await s.Partner.PostAsync($"/v1/moderation/messages/{delivered}/reject", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
        await (await s.Partner.PostAsync($"/v1/moderation/messages/{blocked}/approve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "message_not_held");
        Assert.Equal(MessageStatus.Blocked, (await MessageAsync(s.Brand.Id, blocked)).Status);
        await (await s.Partner.PostAsync("/v1/moderation/messages/msg_nope/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "message_not_found");
        await (await s.Partner.PostAsync($"/v1/moderation/messages/msg_{new string('x', 80)}/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Fact]
    public async Task Two_approvals_at_once_deliver_once_one_200_and_one_409()
    {
        var s = await HeldAsync();
        var second = Api.ClientWith(s.Brand.AdminKey);
        var results = await Task.WhenAll(
            s.Partner.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null),
            second.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null),
            second.PostAsync($"/v1/moderation/messages/{s.Held}/reject", null));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = await results.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        var events = await EventsAsync(s.Brand.Id, MessageEvents.Created);
        Assert.Equal(winner.GetProperty("status").GetString() == "delivered" ? 1 : 0, events.Count);
        await using var db = Api.Planes.Open(Plane.Live, s.Brand.Id);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.TargetId == s.Held));
    }

    [Fact]
    public async Task Another_brand_cannot_see_or_decide_the_held_message()
    {
        var s = await HeldAsync();
        var other = await NewBrandAsync();
        var intruder = Api.ClientWith(other.AdminKey);
        Assert.Empty(Ids(await (await intruder.GetAsync("/v1/moderation/messages")).JsonAsync()));
        await (await intruder.PostAsync($"/v1/moderation/messages/{s.Held}/approve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "message_not_found");
        await (await intruder.PostAsync($"/v1/moderation/messages/{s.Held}/reject", null)).AssertErrorAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.Equal(MessageStatus.Held, (await MessageAsync(s.Brand.Id, s.Held)).Status);
        await (await Api.ClientWith(s.Brand.ReadOnlyKey).PostAsync($"/v1/moderation/messages/{s.Held}/approve", null)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(s.Brand.MemberKey).GetAsync("/v1/moderation/messages")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_database_refuses_the_app_role_any_change_of_a_messages_text_and_any_delete()
    {
        var s = await HeldAsync();
        await using var conn = await Api.Planes.For(Plane.Live).OpenConnectionAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.brand_id', '{s.Brand.Id}', false)", conn)) await set.ExecuteNonQueryAsync();
        foreach (var sql in new[]
        {
            $"UPDATE messages SET text = 'rewritten' WHERE id = '{s.Held}'",
            $"UPDATE messages SET sender_account_id = 'acct_other' WHERE id = '{s.Held}'",
            $"DELETE FROM messages WHERE id = '{s.Held}'",
            $"DELETE FROM conversations WHERE id = '{s.Conversation}'",
            $"DELETE FROM conversation_reads",
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal("42501", e.SqlState);
        }
        Assert.Equal("ring me on 07700 900123", (await MessageAsync(s.Brand.Id, s.Held)).Text);
    }

    [Fact]
    public async Task The_conversation_tables_are_under_forced_row_level_security()
    {
        var s = await HeldAsync();
        await using var conn = await Api.Planes.For(Plane.Live).OpenConnectionAsync();
        foreach (var table in new[] { "conversations", "messages", "conversation_reads" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
            Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
        }
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.brand_id', '{s.Brand.Id}', false)", conn)) await set.ExecuteNonQueryAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM messages", conn)) Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO conversations (id, brand_id, listing_id, buyer_account_id, owner_type, buyer_read_seq, owner_read_seq, created_at, last_message_at)
            SELECT 'conv_evil', 'someone-else', listing_id, 'acct_x', 'brand', 0, 0, now(), now() FROM conversations WHERE id = '{s.Conversation}'
            """, conn);
        var e = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal("42501", e.SqlState);
    }
}
