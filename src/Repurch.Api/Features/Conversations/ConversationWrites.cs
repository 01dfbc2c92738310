using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>Sending and editing, shared by both audiences: read the body, find the conversation, screen, store.</summary>
internal static class ConversationWrites
{
    public static async Task<Results<Created<MessageView>, ApiErrorResult>> SendAsync(
        HttpContext http, RepurchDb db, MessagePosting posting, ConversationViewer viewer, string id, string? replacesId, string basePath, CancellationToken ct)
    {
        var prefix = replacesId is null ? "Message could not be sent" : "Message could not be edited";
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        if (body.Empty) return Problems.Validation(prefix, ["text_required"]);
        using var doc = body.Document!;
        var errors = MessageInput.ReadText(body.Root, out var text);
        if (errors.Count > 0) return Problems.Validation(prefix, errors);

        await db.OpenBrandSessionAsync(ct);
        if (await ConversationQueries.FindAsync(db, viewer, id, false, ct) is not var (found, role)) return ConversationErrors.NotFound.Result();
        if (replacesId is { Length: > ConversationQueries.MaxId }) return ConversationErrors.MessageNotFound.Result();
        // Screened before any lock is taken: the screener reads the brand's policy and takes its time alone.
        var screening = await posting.ScreenAsync(db, found.BrandId, text!, ct);

        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var conversation = (await Locks.LockRowAsync<Conversation>(db, found.Id, ct))!;
        Message? old = null;
        if (replacesId is not null)
        {
            old = await ConversationQueries.VisibleMessages(db, conversation.Id, role).FirstOrDefaultAsync(m => m.Id == replacesId, ct);
            if (old is null) return ConversationErrors.MessageNotFound.Result();
            // Under the conversation's lock, so two edits of one version cannot both see it as the latest.
            if (old.SenderRole != role || old.SenderAccountId != viewer.AccountId || await db.Messages.AnyAsync(m => m.Replaces == old.Id, ct))
                return ConversationErrors.MessageNotEditable.Result();
        }
        if (await posting.RateLimitedAsync(db, conversation.BrandId, viewer.AccountId, ct) is { } wait)
        {
            http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ConversationErrors.RateLimited.Result($"At most {MessagePosting.MaxPerMinute} messages a minute; try again in {wait} s.");
        }
        var message = await posting.AddAsync(db, conversation, role, viewer.AccountId, text!, screening, old, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"{basePath}/{conversation.Id}/messages", ConversationQueries.View(message, role, null, null));
    }
}
