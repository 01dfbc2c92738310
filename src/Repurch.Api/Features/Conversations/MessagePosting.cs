using Microsoft.EntityFrameworkCore;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Trust;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Conversations;

/// <summary>
/// Writes a message: screened by the trust engine first, then stored with the verdict, all in one
/// transaction with the conversation's row lock: <c>delivered</c> (with <c>message.created</c>),
/// <c>held</c> for moderation (with <c>message.held</c> and an automatic audit entry) or <c>blocked</c>
/// (an automatic audit entry; it reaches nobody). An edit is a new message that replaces the old version.
/// </summary>
public sealed class MessagePosting(MessageScreener screener, TimeProvider clock)
{
    /// <summary>Messages one consumer account may send per minute, across its conversations.</summary>
    public const int MaxPerMinute = 20;

    public Task<Screening> ScreenAsync(RepurchDb db, string brandId, string text, CancellationToken ct) =>
        screener.ScreenAsync(db, brandId, text, ct);

    /// <summary>Seconds until the account may send again, or null when it is under <see cref="MaxPerMinute"/>. Call inside the transaction.</summary>
    public async Task<int?> RateLimitedAsync(RepurchDb db, string brandId, string? accountId, CancellationToken ct)
    {
        if (accountId is null) return null;
        // Serialises one account's sends, so concurrent requests cannot all slip under the cap.
        await Locks.LockAdvisoryAsync(db, "messages:" + accountId, brandId, ct);
        var since = clock.GetUtcNow().AddMinutes(-1);
        var recent = await db.Messages.Where(m => m.SenderAccountId == accountId && m.CreatedAt > since)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.CreatedAt).Take(MaxPerMinute).ToListAsync(ct);
        if (recent.Count < MaxPerMinute) return null;
        var wait = recent[^1].AddMinutes(1) - clock.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    /// <summary>
    /// Adds the message to <paramref name="conversation"/> (tracked and locked by the caller's transaction)
    /// with <paramref name="screening"/>'s verdict; the caller saves and commits.
    /// </summary>
    public async Task<Message> AddAsync(RepurchDb db, Conversation conversation, string role, string? accountId, string text,
        Screening screening, Message? replaces, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var message = new Message
        {
            Id = PublicIds.New("msg_"), BrandId = conversation.BrandId, ConversationId = conversation.Id, SenderRole = role,
            SenderAccountId = accountId, Text = text, Status = screening.Verdict switch
            {
                ScreeningVerdict.Allow => MessageStatus.Delivered,
                ScreeningVerdict.Hold => MessageStatus.Held,
                _ => MessageStatus.Blocked,
            },
            Reasons = [.. screening.Reasons],
            Signals = MessageSignals.Write(screening.Signals.Select(s => new MessageSignalView(s.Type, s.Start, s.End))),
            ValidatorVersion = screening.ValidatorVersion, Version = replaces is null ? 1 : replaces.Version + 1, Replaces = replaces?.Id,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        conversation.LastMessageAt = now;
        if (message.Status == MessageStatus.Delivered)
        {
            await MessageDelivery.DeliverAsync(db, conversation, message, clock, ct);
            return message;
        }
        if (message.Status == MessageStatus.Held) Outbox.Emit(db, conversation.BrandId, MessageEvents.Held, MessageDelivery.Event(conversation, message), clock);
        // The screener's own verdicts are audited like a moderator's decisions: reasons and version, never the text.
        AuditLog.RecordAutomatic(db, conversation.BrandId, "message." + message.Status, message.Id, new Dictionary<string, FieldChange>(StringComparer.Ordinal)
        {
            ["status"] = new(null, message.Status),
            ["conversation_id"] = new(null, conversation.Id),
            ["sender_role"] = new(null, role),
            ["reasons"] = new(null, message.Reasons),
            ["validator_version"] = new(null, message.ValidatorVersion),
        }, clock);
        return message;
    }
}
