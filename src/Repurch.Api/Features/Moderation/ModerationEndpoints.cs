using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Conversations;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Moderation;

/// <summary>
/// The brand's moderation queue (partner admin key): messages the screener held in any conversation
/// under the brand (about its own stock or between its consumers), to approve (delivered, with
/// <c>message.created</c>) or reject (never delivered). Every decision is audited with the
/// screener's reasons and validator version.
/// </summary>
public static class ModerationEndpoints
{
    public const string Base = "/v1/moderation";

    private static readonly string[] QueueStatuses = [MessageStatus.Held, MessageStatus.Blocked, MessageStatus.Rejected];
    private const string PendingReview = "pending_review";
    private static readonly string[] ListingQueueStatuses = [PendingReview, "rejected"];

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Moderation").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Base).WithTags("Moderation").RequireAuthorization(Policies.PartnerWrite);

        read.MapGet("/messages", ListMessages).WithBrandSession().WithName("ListModerationMessages").WithSummary("List messages for moderation")
            .WithDescription("Messages the screener did not simply deliver, in every conversation under the brand (about its own stock and between its " +
                "consumers), oldest first so the queue is worked in order: `status=held` (the default) waits for a decision; `blocked` (refused by the " +
                "screener) and `rejected` (refused by a moderator) are for review. Each carries its text, `reasons`, `signals` and `validator_version`.")
            .Query("status", JsonSchemaType.String, "Which messages: `held` (default), `blocked` or `rejected`.", values: QueueStatuses)
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("status is not held, blocked or rejected; page or per_page out of range.")]);
        write.MapPost("/messages/{id}/approve", Approve).WithBrandSession().WithName("ApproveMessage").WithSummary("Approve a held message")
            .WithDescription("Delivers the held message to its recipient (`delivered`, `delivered_at` now; it counts as unread for them) and emits " +
                "`message.created`. Audited as `message.approved` with the screener's reasons and validator version. Only a `held` message can be " +
                "decided, once: a second decision (or a concurrent one) is `409 message_not_held`. No request body.")
            .Errors([.. CommonErrors.Auth, ConversationErrors.MessageNotFound.DescribedAs("No message with this id under the brand."), ModerationErrors.MessageNotHeld]);
        write.MapPost("/messages/{id}/reject", Reject).WithBrandSession().WithName("RejectMessage").WithSummary("Reject a held message")
            .WithDescription("Refuses the held message for good (`rejected`): the recipient never sees it, the sender sees it as `rejected`. " +
                "Audited as `message.rejected` with the screener's reasons and validator version. Only a `held` message can be decided, once. No request body.")
            .Errors([.. CommonErrors.Auth, ConversationErrors.MessageNotFound.DescribedAs("No message with this id under the brand."), ModerationErrors.MessageNotHeld]);
        read.MapGet("/listings", ListListings).WithBrandSession().WithName("ListModerationListings").WithSummary("List trade-ins held for review")
            .WithDescription("Consumer trade-ins the screener held (contact details or payment instructions in the title or description), oldest first: " +
                "`status=pending_review` (the default) waits for a decision and is invisible to the marketplace and to other buyers; `rejected` lists " +
                "the refused ones. Each carries `review_reasons` (the screening's reason codes).")
            .Query("status", JsonSchemaType.String, "Which listings: `pending_review` (default) or `rejected`.", values: ListingQueueStatuses)
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("status is not pending_review or rejected; page or per_page out of range.")]);
        write.MapPost("/listings/{id}/approve", ApproveListing).WithBrandSession().WithName("ApproveListing").WithSummary("Approve a held trade-in")
            .WithDescription("Puts the held trade-in on sale (`active`): it appears on the marketplace like any other listing. Audited as " +
                "`listing.review_approved` with its `review_reasons`. Only a `pending_review` listing can be decided, once (`409 listing_not_pending_review`). Emits `listing.updated` with the listing now `active`. No request body.")
            .Errors([.. CommonErrors.Auth, ListingErrors.NotFound, ModerationErrors.ListingNotPendingReview]);
        write.MapPost("/listings/{id}/reject", RejectListing).WithBrandSession().WithName("RejectListing").WithSummary("Reject a held trade-in")
            .WithDescription("Refuses the held trade-in (`rejected`): it never goes on sale. Audited as `listing.review_rejected` with its `review_reasons`. " +
                "Only a `pending_review` listing can be decided, once. Emits `listing.updated` with the listing now `rejected`. No request body.")
            .Errors([.. CommonErrors.Auth, ListingErrors.NotFound, ModerationErrors.ListingNotPendingReview]);
        return app;
    }

    public static ModeratedMessageView View(Conversation c, Message m) => new(
        m.Id, m.ConversationId, c.ListingId, m.SenderRole, m.SenderAccountId, m.Text, m.Status, m.Reasons, MessageSignals.Read(m.Signals),
        m.ValidatorVersion, m.Version, m.Replaces, WireFormat.Timestamp(m.CreatedAt), WireFormat.Timestamp(m.DeliveredAt), WireFormat.Timestamp(m.ModeratedAt));

    private static async Task<Results<Ok<ModeratedMessagePage>, ApiErrorResult>> ListMessages(
        HttpContext http, RepurchDb db, string? status, string? page, string? per_page, CancellationToken ct)
    {
        if (!Paging.TryParse(page, per_page, out var pageNo, out var size, out var error)) return error!;
        status ??= MessageStatus.Held;
        if (!QueueStatuses.Contains(status)) return Problems.InvalidParameter("status", "status_invalid", "status must be held, blocked or rejected.");
        var query = db.Messages.Where(m => m.Status == status).OrderBy(m => m.Seq)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { m, c.ListingId });
        var read = await Paging.ReadPageAsync(query, pageNo, size, http, ct);
        var data = read.Items.Select(r => new ModeratedMessageView(
            r.m.Id, r.m.ConversationId, r.ListingId, r.m.SenderRole, r.m.SenderAccountId, r.m.Text, r.m.Status, r.m.Reasons, MessageSignals.Read(r.m.Signals),
            r.m.ValidatorVersion, r.m.Version, r.m.Replaces, WireFormat.Timestamp(r.m.CreatedAt), WireFormat.Timestamp(r.m.DeliveredAt),
            WireFormat.Timestamp(r.m.ModeratedAt))).ToList();
        return TypedResults.Ok(new ModeratedMessagePage(data, read.Meta(http.Caller().BrandId)));
    }

    private static Task<Results<Ok<ModeratedMessageView>, ApiErrorResult>> Approve(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, approve: true, http, db, clock, ct);

    private static Task<Results<Ok<ModeratedMessageView>, ApiErrorResult>> Reject(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, approve: false, http, db, clock, ct);

    private static async Task<Results<Ok<ModeratedMessageView>, ApiErrorResult>> DecideAsync(
        string id, bool approve, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (id.Length > 40) return ConversationErrors.MessageNotFound.Result();
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var conversationId = await db.Messages.Where(m => m.Id == id).Select(m => m.ConversationId).FirstOrDefaultAsync(ct);
        if (conversationId is null) return ConversationErrors.MessageNotFound.Result();
        // Conversation first, then the message: the order every writer of a conversation locks in, so a
        // decision and a new message never deadlock; two decisions at once queue here and the second sees it decided.
        var conversation = (await Locks.LockRowAsync<Conversation>(db, conversationId, ct))!;
        var message = (await Locks.LockRowAsync<Message>(db, id, ct))!;
        if (message.Status != MessageStatus.Held)
            return ModerationErrors.MessageNotHeld.Result($"The message is {message.Status}; only a held message can be {(approve ? "approved" : "rejected")}.");
        var now = clock.GetUtcNow();
        message.ModeratedAt = now;
        message.ModeratedByKeyId = caller.KeyId;
        if (approve) await MessageDelivery.DeliverAsync(db, conversation, message, clock, ct);
        else message.Status = MessageStatus.Rejected;
        await AuditLog.RecordAsync(db, caller, approve ? "message.approved" : "message.rejected", message.Id, Verdict(conversation, message, approve), clock, ct, emitEvent: false);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(View(conversation, message));
    }

    public static ModeratedListingView View(Listing l, string? sellerAccountId) => new(
        l.Id, l.Title, l.Description, l.Category, l.Channel, l.EffectivePrice, l.Status, l.ReviewReasons ?? [], l.SellerId, sellerAccountId,
        l.Images.FirstOrDefault(), WireFormat.Timestamp(l.CreatedAt), WireFormat.Timestamp(l.UpdatedAt));

    private static async Task<Results<Ok<ModeratedListingPage>, ApiErrorResult>> ListListings(
        HttpContext http, RepurchDb db, string? status, string? page, string? per_page, CancellationToken ct)
    {
        if (!Paging.TryParse(page, per_page, out var pageNo, out var size, out var error)) return error!;
        status ??= PendingReview;
        if (!ListingQueueStatuses.Contains(status)) return Problems.InvalidParameter("status", "status_invalid", "status must be pending_review or rejected.");
        // Only consumer trade-ins are ever held; a partner's own listing is refused at write time instead.
        var query = db.Listings.Where(l => l.Status == status && l.OwnerType == "seller" && l.DeletedAt == null)
            .OrderBy(l => l.UpdatedAt).ThenBy(l => l.Id)
            .Select(l => new { l, AccountId = l.Seller == null ? null : l.Seller.AccountId });
        var read = await Paging.ReadPageAsync(query, pageNo, size, http, ct);
        return TypedResults.Ok(new ModeratedListingPage(read.Items.Select(r => View(r.l, r.AccountId)).ToList(), read.Meta(http.Caller().BrandId)));
    }

    private static Task<Results<Ok<ModeratedListingView>, ApiErrorResult>> ApproveListing(string id, HttpContext http, RepurchDb db, ListingUrls urls, TimeProvider clock, CancellationToken ct) =>
        DecideListingAsync(id, approve: true, http, db, urls, clock, ct);

    private static Task<Results<Ok<ModeratedListingView>, ApiErrorResult>> RejectListing(string id, HttpContext http, RepurchDb db, ListingUrls urls, TimeProvider clock, CancellationToken ct) =>
        DecideListingAsync(id, approve: false, http, db, urls, clock, ct);

    private static async Task<Results<Ok<ModeratedListingView>, ApiErrorResult>> DecideListingAsync(
        string id, bool approve, HttpContext http, RepurchDb db, ListingUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var listingId)) return ListingErrors.NotFound.Result();
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        // Locked: two decisions at once queue here and the second sees the first's outcome.
        var listing = await Locks.LockRowAsync<Listing>(db, listingId, ct);
        if (listing is null || listing.DeletedAt is not null) return ListingErrors.NotFound.Result();
        if (listing.Status != PendingReview)
            return ModerationErrors.ListingNotPendingReview.Result($"The listing is {listing.Status}; only a listing pending review can be {(approve ? "approved" : "rejected")}.");
        var to = approve ? "active" : "rejected";
        listing.Status = to;
        listing.UpdatedAt = clock.GetUtcNow();
        await AuditLog.RecordAsync(db, caller, approve ? "listing.review_approved" : "listing.review_rejected", listing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            {
                ["status"] = new(PendingReview, to),
                ["review_reasons"] = new(null, listing.ReviewReasons ?? []),
            }, clock, ct, emitEvent: false);
        // Partners mirroring their listings hear of the decision as of any other status change.
        await db.Entry(listing).Reference(l => l.Seller).LoadAsync(ct);
        await db.Entry(listing).Reference(l => l.Warehouse).LoadAsync(ct);
        Outbox.Emit(db, listing.BrandId, ListingEvents.Updated, ListingMapper.Detail(listing, urls, await BrandNames.GetAsync(db, ct)), clock);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        var accountId = await db.Sellers.Where(s => s.Id == listing.SellerId).Select(s => s.AccountId).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(View(listing, accountId));
    }

    /// <summary>The audit entry's changes: the status move, and the screener's verdict the moderator overruled or upheld (never the text).</summary>
    private static Dictionary<string, FieldChange> Verdict(Conversation c, Message m, bool approve) => new(StringComparer.Ordinal)
    {
        ["status"] = new(MessageStatus.Held, approve ? MessageStatus.Delivered : MessageStatus.Rejected),
        ["conversation_id"] = new(null, c.Id),
        ["reasons"] = new(null, m.Reasons),
        ["validator_version"] = new(null, m.ValidatorVersion),
    };
}
