using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// The brand's side of conversations about its own stock (partner admin key): buyers' conversations
/// on brand-owned listings, which the brand reads and answers as the owner. Conversations between a
/// buyer and a consumer seller are theirs; the brand sees their held messages only, in moderation.
/// </summary>
public static class BrandConversationsEndpoints
{
    public const string Base = "/v1/conversations";

    public static IEndpointRouteBuilder MapBrandConversations(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Base).WithTags("Conversations").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup(Base).WithTags("Conversations").RequireAuthorization(Policies.PartnerWrite);

        read.MapGet("/", List).WithBrandSession().WithName("ListBrandConversations").WithSummary("List conversations about the brand's stock")
            .WithDescription("Buyers' conversations about brand-owned listings, newest activity first (the last delivered message), each with `unread_count` " +
                "(the buyer's delivered messages the brand has not marked read with `POST /v1/conversations/{id}/read`). A conversation appears once " +
                "something in it has been delivered: a buyer's first message that was held or blocked has reached nobody yet.")
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        read.MapGet("/{id}/messages", Messages).WithBrandSession().WithName("ListBrandConversationMessages").WithSummary("List a conversation's messages")
            .WithDescription(ConversationDocs.MessagesDescription)
            .Query("page", JsonSchemaType.Integer, "Page number, 1-indexed: page 1 holds the latest messages.", minimum: 1, defaultValue: 1)
            .Query("per_page", JsonSchemaType.Integer, "Items per page, at most 100.", minimum: 1, maximum: 100, defaultValue: 20)
            .Errors([.. CommonErrors.Auth, ConversationErrors.NotFound, CommonErrors.InvalidParameter.DescribedAs("page or per_page out of range.")]);
        write.MapPost("/{id}/messages", Send).WithName("SendBrandMessage").WithSummary("Answer in a conversation")
            .JsonRequest<MessageWrite>().BodyLimit(MessageInput.BodyLimit)
            .WithDescription("The brand's answer to the buyer, as the listing's owner. " + ConversationDocs.SendDescription)
            .Errors([.. CommonErrors.Auth, ConversationErrors.NotFound, ConversationDocs.TextInvalid, CommonErrors.InvalidJson,
                ConversationDocs.TooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/{id}/messages/{message_id}/edits", Edit).WithName("EditBrandMessage").WithSummary("Edit one of the brand's messages")
            .JsonRequest<MessageWrite>().BodyLimit(MessageInput.BodyLimit)
            .WithDescription(ConversationDocs.EditDescription)
            .Errors([.. CommonErrors.Auth, ConversationErrors.NotFound, ConversationErrors.MessageNotFound, ConversationErrors.MessageNotEditable,
                ConversationDocs.TextInvalid, CommonErrors.InvalidJson, ConversationDocs.TooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/{id}/read", MarkRead).WithBrandSession().WithName("MarkBrandConversationRead").WithSummary("Mark a conversation read")
            .WithDescription(ConversationDocs.ReadDescription)
            .Errors([.. CommonErrors.Auth, ConversationErrors.NotFound]);
        return app;
    }

    private static Task<Results<Ok<ConversationPage>, ApiErrorResult>> List(HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct) =>
        ConversationQueries.ListAsync(http, db, ConversationViewer.Brand, page, per_page, ct);

    private static Task<Results<Ok<MessagePage>, ApiErrorResult>> Messages(string id, HttpContext http, RepurchDb db, string? page, string? per_page, CancellationToken ct) =>
        ConversationQueries.MessagesAsync(http, db, ConversationViewer.Brand, id, page, per_page, ct);

    private static Task<Results<Created<MessageView>, ApiErrorResult>> Send(string id, HttpContext http, RepurchDb db, MessagePosting posting, CancellationToken ct) =>
        ConversationWrites.SendAsync(http, db, posting, ConversationViewer.Brand, id, null, Base, ct);

    private static Task<Results<Created<MessageView>, ApiErrorResult>> Edit(string id, string message_id, HttpContext http, RepurchDb db, MessagePosting posting, CancellationToken ct) =>
        ConversationWrites.SendAsync(http, db, posting, ConversationViewer.Brand, id, message_id, Base, ct);

    private static Task<Results<Ok<ConversationReadView>, ApiErrorResult>> MarkRead(string id, RepurchDb db, TimeProvider clock, CancellationToken ct) =>
        ConversationQueries.MarkReadAsync(db, ConversationViewer.Brand, id, clock, ct);
}
