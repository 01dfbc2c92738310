using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Listings;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// A consumer's conversations (user token): as a buyer asking about a listing, and as a consumer seller
/// answering about their own trade-in, through the same endpoints. Another person's conversation is
/// <c>404</c>, like an id that does not exist.
/// </summary>
public static class ConversationsEndpoints
{
    public const string Base = "/v1/me/conversations";

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(Base).WithTags("Conversations").RequireAuthorization(Policies.Consumer);
        var forbidden = CommonErrors.Forbidden.DescribedAs("The credential is not a consumer's user token.");
        ErrorCode[] auth = [CommonErrors.MissingBearer, CommonErrors.InvalidToken, forbidden];
        ErrorCode[] body = [CommonErrors.InvalidJson, ConversationDocs.TooLarge, CommonErrors.UnsupportedMediaType];
        ErrorCode[] paging = [CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")];

        me.MapPost("/", Open).WithName("OpenConversation").WithSummary("Open a conversation about a listing")
            .JsonRequest<ConversationOpen>().BodyLimit(MessageInput.BodyLimit)
            .WithDescription("Opens a conversation between the signed-in buyer and the listing's owner (its consumer seller, or the brand for " +
                "brand-owned stock) with `text` as the first message, and answers `201` with the conversation and that message. One conversation " +
                "per buyer and listing: opening again (or twice at once) answers `200` with the existing conversation, and `text` is added to it " +
                "as a new message. The listing must be one of the storefront brand's, on sale (`active`), and not the caller's own. " + ConversationDocs.SendDescription)
            .Errors([.. auth, ConversationDocs.OpenInvalid, .. body,
                ListingErrors.NotFound.DescribedAs("No listing with this id under the storefront's brand (another brand's, deleted, or a trade-in still pending review)."),
                ConversationErrors.OwnListing, ConversationErrors.ListingUnavailable, ConversationErrors.RateLimited]);
        me.MapGet("/", List).WithBrandSession().WithName("ListConversations").WithSummary("List my conversations")
            .WithDescription("The caller's conversations, as buyer (`role` `buyer`) and as consumer seller (`role` `owner`), newest activity first " +
                "(the last delivered message), each with `unread_count`: the other side's delivered messages the caller has not marked read. " +
                "A seller sees a conversation once something in it has been delivered to them.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. auth, .. paging]);
        me.MapGet("/{id}/messages", Messages).WithBrandSession().WithName("ListConversationMessages").WithSummary("List a conversation's messages")
            .WithDescription(ConversationDocs.MessagesDescription)
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed: page 1 holds the latest messages.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. auth, ConversationErrors.NotFound, .. paging]);
        me.MapPost("/{id}/messages", Send).WithName("SendMessage").WithSummary("Send a message")
            .JsonRequest<MessageWrite>().BodyLimit(MessageInput.BodyLimit)
            .WithDescription(ConversationDocs.SendDescription + " A consumer sends at most 20 messages a minute (`429 message_rate_limited` with `Retry-After`).")
            .Errors([.. auth, ConversationErrors.NotFound, ConversationDocs.TextInvalid, .. body, ConversationErrors.RateLimited]);
        me.MapPost("/{id}/messages/{message_id}/edits", Edit).WithName("EditMessage").WithSummary("Edit one of my messages")
            .JsonRequest<MessageWrite>().BodyLimit(MessageInput.BodyLimit)
            .WithDescription(ConversationDocs.EditDescription)
            .Errors([.. auth, ConversationErrors.NotFound, ConversationErrors.MessageNotFound, ConversationErrors.MessageNotEditable,
                ConversationDocs.TextInvalid, .. body, ConversationErrors.RateLimited]);
        me.MapPost("/{id}/read", MarkRead).WithBrandSession().WithName("MarkConversationRead").WithSummary("Mark a conversation read")
            .WithDescription(ConversationDocs.ReadDescription)
            .Errors([.. auth, ConversationErrors.NotFound]);
        return app;
    }

    private static ConversationViewer Viewer(HttpContext http) => new(http.Caller().AccountId!);

    private static async Task<Results<Created<ConversationOpened>, Ok<ConversationOpened>, ApiErrorResult>> Open(
        HttpContext http, RepurchDb db, MessagePosting posting, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var me = caller.AccountId!;
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation("Conversation could not be opened", ["listing_id_required", "text_required"]);
        using var doc = body.Document!;
        var errors = MessageInput.ReadOpen(body.Root, out var listingId, out var text);
        if (errors.Count > 0) return Problems.Validation("Conversation could not be opened", errors);

        await db.OpenBrandSessionAsync(ct);
        var listing = await db.Listings.Where(l => l.Id == listingId && l.DeletedAt == null)
            .Select(l => new { l.OwnerType, l.Status, SellerAccountId = l.Seller == null ? null : l.Seller.AccountId })
            .FirstOrDefaultAsync(ct);
        if (listing is null) return ListingErrors.NotFound.Result();
        var bySeller = listing.OwnerType == ConversationRoles.SellerOwner;
        if (bySeller && listing.SellerAccountId == me) return ConversationErrors.OwnListing.Result();
        // A held trade-in is invisible to everyone but its seller until the brand approves it.
        if (listing.Status == "pending_review") return ListingErrors.NotFound.Result();
        if (listing.Status != "active") return ConversationErrors.ListingUnavailable.Result($"The listing is {listing.Status}; it is not open for messages.");
        if (bySeller && listing.SellerAccountId is null) return ConversationErrors.ListingUnavailable.Result("The listing's seller has no account to receive messages.");
        var screening = await posting.ScreenAsync(db, caller.BrandId, text!, ct);

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        // One conversation per buyer and listing: concurrent opens queue here and the later ones find it.
        await Locks.LockAdvisoryAsync(db, $"conversation:{listingId}:{me}", caller.BrandId, ct);
        var existingId = await db.Conversations.Where(c => c.ListingId == listingId && c.BuyerAccountId == me).Select(c => c.Id).FirstOrDefaultAsync(ct);
        Conversation conversation;
        if (existingId is null)
        {
            var now = clock.GetUtcNow();
            conversation = new Conversation
            {
                Id = PublicIds.New("conv_"), BrandId = caller.BrandId, ListingId = listingId, BuyerAccountId = me,
                OwnerType = bySeller ? ConversationRoles.SellerOwner : ConversationRoles.BrandOwner, OwnerAccountId = bySeller ? listing.SellerAccountId : null,
                CreatedAt = now, LastMessageAt = now,
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(ct);
        }
        else conversation = (await Locks.LockRowAsync<Conversation>(db, existingId, ct))!;
        if (await posting.RateLimitedAsync(db, caller.BrandId, me, ct) is { } wait)
        {
            http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ConversationErrors.RateLimited.Result($"At most {MessagePosting.MaxPerMinute} messages a minute; try again in {wait} s.");
        }
        var message = await posting.AddAsync(db, conversation, ConversationRoles.Buyer, me, text!, screening, null, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        var opened = new ConversationOpened(
            await ConversationQueries.ViewAsync(db, conversation, ConversationRoles.Buyer, ct),
            ConversationQueries.View(message, ConversationRoles.Buyer, null, null));
        return existingId is null ? TypedResults.Created($"{Base}/{conversation.Id}/messages", opened) : TypedResults.Ok(opened);
    }

    private static Task<Results<Ok<ConversationPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct) =>
        ConversationQueries.ListAsync(http, db, Viewer(http), page, per_page, ct);

    private static Task<Results<Ok<MessagePage>, ApiErrorResult>> Messages(string id, HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct) =>
        ConversationQueries.MessagesAsync(http, db, Viewer(http), id, page, per_page, ct);

    private static Task<Results<Created<MessageView>, ApiErrorResult>> Send(string id, HttpContext http, RepurchDb db, MessagePosting posting, CancellationToken ct) =>
        ConversationWrites.SendAsync(http, db, posting, Viewer(http), id, null, Base, ct);

    private static Task<Results<Created<MessageView>, ApiErrorResult>> Edit(string id, string message_id, HttpContext http, RepurchDb db, MessagePosting posting, CancellationToken ct) =>
        ConversationWrites.SendAsync(http, db, posting, Viewer(http), id, message_id, Base, ct);

    private static Task<Results<Ok<ConversationReadView>, ApiErrorResult>> MarkRead(string id, HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct) =>
        ConversationQueries.MarkReadAsync(db, Viewer(http), id, clock, ct);
}
