using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// The reads both audiences share (a consumer on <c>/v1/me/conversations</c>, the brand on
/// <c>/v1/conversations</c>): which conversations and messages a viewer may see, unread counts, read
/// receipts, and marking read. The recipient never sees a held, blocked or rejected message; the sender does.
/// </summary>
internal static class ConversationQueries
{
    public const int MaxId = 40;

    private sealed record Row(Conversation C, string? Title, int BuyerUnread, int OwnerUnread);

    public static async Task<Results<Ok<ConversationPage>, ApiErrorResult>> ListAsync(
        HttpContext http, RepurchDb db, ConversationViewer viewer, string? page, string? perPage, CancellationToken ct)
    {
        if (!Paging.TryParse(page, perPage, out var pageNo, out var size, out var error)) return error!;
        var rows = viewer.Visible(db)
            .OrderByDescending(c => c.LastDeliveredAt ?? c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new Row(c,
                db.Listings.Where(l => l.Id == c.ListingId).Select(l => l.Title).FirstOrDefault(),
                db.Messages.Count(m => m.ConversationId == c.Id && m.Status == MessageStatus.Delivered
                    && m.SenderRole == ConversationRoles.Owner && m.DeliverySeq > c.BuyerReadSeq),
                db.Messages.Count(m => m.ConversationId == c.Id && m.Status == MessageStatus.Delivered
                    && m.SenderRole == ConversationRoles.Buyer && m.DeliverySeq > c.OwnerReadSeq)));
        var read = await Paging.ReadPageAsync(rows, pageNo, size, http, ct);
        var data = read.Items.Select(r =>
        {
            var role = viewer.RoleIn(r.C)!;
            return View(r.C, r.Title, role, role == ConversationRoles.Buyer ? r.BuyerUnread : r.OwnerUnread);
        }).ToList();
        return TypedResults.Ok(new ConversationPage(data, read.Meta(http.Caller().BrandId)));
    }

    /// <summary>The conversation and the viewer's side of it, or null (another buyer's, another brand's, no such id).</summary>
    public static async Task<(Conversation Conversation, string Role)?> FindAsync(RepurchDb db, ConversationViewer viewer, string id, bool tracking, CancellationToken ct)
    {
        if (id.Length > MaxId) return null;
        var query = viewer.Visible(db).Where(c => c.Id == id);
        var c = await (tracking ? query.AsTracking() : query).FirstOrDefaultAsync(ct);
        return c is null ? null : (c, viewer.RoleIn(c)!);
    }

    public static async Task<ConversationView> ViewAsync(RepurchDb db, Conversation c, string role, CancellationToken ct)
    {
        var title = await db.Listings.Where(l => l.Id == c.ListingId).Select(l => l.Title).FirstOrDefaultAsync(ct);
        return View(c, title, role, await UnreadAsync(db, c, role, ct));
    }

    public static ConversationView View(Conversation c, string? title, string role, int unread) => new(
        c.Id, c.ListingId, title, role, c.BuyerAccountId, c.OwnerType, c.OwnerAccountId, unread,
        WireFormat.Timestamp(c.CreatedAt), WireFormat.Timestamp(c.LastDeliveredAt ?? c.CreatedAt));

    private static Task<int> UnreadAsync(RepurchDb db, Conversation c, string role, CancellationToken ct)
    {
        var other = ConversationRoles.Other(role);
        var pointer = role == ConversationRoles.Buyer ? c.BuyerReadSeq : c.OwnerReadSeq;
        return db.Messages.CountAsync(m => m.ConversationId == c.Id && m.Status == MessageStatus.Delivered
            && m.SenderRole == other && m.DeliverySeq > pointer, ct);
    }

    /// <summary>What <paramref name="role"/> may see of a conversation's messages: its own in any status, the other side's once delivered.</summary>
    public static IQueryable<Message> VisibleMessages(RepurchDb db, string conversationId, string role) =>
        db.Messages.Where(m => m.ConversationId == conversationId && (m.SenderRole == role || m.Status == MessageStatus.Delivered));

    public static async Task<Results<Ok<MessagePage>, ApiErrorResult>> MessagesAsync(
        HttpContext http, RepurchDb db, ConversationViewer viewer, string id, string? page, string? perPage, CancellationToken ct)
    {
        if (!Paging.TryParse(page, perPage, out var pageNo, out var size, out var error)) return error!;
        if (await FindAsync(db, viewer, id, false, ct) is not var (c, role)) return ConversationErrors.NotFound.Result();
        // Page 1 is the latest messages; each page reads oldest first, as a chat shows them.
        var read = await Paging.ReadPageAsync(VisibleMessages(db, c.Id, role).OrderByDescending(m => m.Seq), pageNo, size, http, ct);
        var items = read.Items.Reverse().ToList();
        var views = await ViewsAsync(db, c, role, items, ct);
        return TypedResults.Ok(new MessagePage(views, read.Meta(http.Caller().BrandId)));
    }

    /// <summary>Views of <paramref name="items"/> for <paramref name="role"/>, with the newer version and read receipt of each.</summary>
    public static async Task<List<MessageView>> ViewsAsync(RepurchDb db, Conversation c, string role, IReadOnlyList<Message> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var ids = items.Select(m => m.Id).ToList();
        var newer = await VisibleMessages(db, c.Id, role).Where(m => m.Replaces != null && ids.Contains(m.Replaces))
            .Select(m => new { m.Replaces, m.Id }).ToDictionaryAsync(m => m.Replaces!, m => m.Id, ct);
        var first = items.Where(m => m.DeliverySeq != null).Select(m => m.DeliverySeq!.Value).DefaultIfEmpty(long.MaxValue).Min();
        var reads = await db.ConversationReads.Where(r => r.ConversationId == c.Id && r.UpToSeq >= first)
            .OrderBy(r => r.UpToSeq).ToListAsync(ct);
        return items.Select(m =>
        {
            var recipient = ConversationRoles.Other(m.SenderRole);
            var readAt = m.DeliverySeq is { } d ? reads.FirstOrDefault(r => r.Reader == recipient && r.UpToSeq >= d)?.ReadAt : null;
            return View(m, role, newer.GetValueOrDefault(m.Id), readAt);
        }).ToList();
    }

    public static MessageView View(Message m, string role, string? supersededBy, DateTimeOffset? readAt) => new(
        m.Id, m.ConversationId, m.SenderRole, m.SenderAccountId, m.SenderRole == role, m.Text, m.Status, m.Reasons,
        MessageSignals.Read(m.Signals), m.ValidatorVersion, m.Version, m.Replaces, supersededBy,
        WireFormat.Timestamp(m.CreatedAt), WireFormat.Timestamp(m.DeliveredAt), WireFormat.Timestamp(readAt));

    /// <summary>
    /// Moves the viewer's read pointer to the latest message the other side has had delivered, and logs
    /// the advance (so each message's <c>read_at</c> is when it was first read). Idempotent.
    /// </summary>
    public static async Task<Results<Ok<ConversationReadView>, ApiErrorResult>> MarkReadAsync(
        RepurchDb db, ConversationViewer viewer, string id, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        if (await FindAsync(db, viewer, id, false, ct) is not var (found, role)) return ConversationErrors.NotFound.Result();
        // Locked so two marks at once log one advance, and a delivery racing it is either before or after.
        var c = (await Locks.LockRowAsync<Conversation>(db, found.Id, ct))!;
        var other = ConversationRoles.Other(role);
        var latest = await db.Messages.Where(m => m.ConversationId == c.Id && m.SenderRole == other && m.Status == MessageStatus.Delivered)
            .OrderByDescending(m => m.DeliverySeq).Select(m => new { m.Id, m.DeliverySeq }).FirstOrDefaultAsync(ct);
        var pointer = role == ConversationRoles.Buyer ? c.BuyerReadSeq : c.OwnerReadSeq;
        var now = clock.GetUtcNow();
        if (latest is { DeliverySeq: { } seq } && seq > pointer)
        {
            if (role == ConversationRoles.Buyer) c.BuyerReadSeq = seq;
            else c.OwnerReadSeq = seq;
            db.ConversationReads.Add(new ConversationRead { BrandId = c.BrandId, ConversationId = c.Id, Reader = role, UpToSeq = seq, ReadAt = now });
            await db.SaveChangesAsync(ct);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(new ConversationReadView(c.Id, latest?.Id, WireFormat.Timestamp(now), 0));
    }
}
