using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Features.Audit;
using Repurch.Api.Features.Trust;
using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Disputes;

/// <summary>
/// Adds evidence to a dispute: the text is screened first (<see cref="MessageScreener"/>, the brand's
/// policy), the photos must be the brand's own uploads, and a delivered message from one side moves the
/// dispute along (the seller side's first answer -> <c>awaiting_buyer</c>; the buyer's reply then ->
/// <c>under_review</c>). All of it, with the audit entry, in one transaction under the dispute's row lock.
/// </summary>
public sealed class DisputeEvidence(MessageScreener screener, TimeProvider clock)
{
    public enum Result { Added, NotFound, Resolved, PhotosNotFound }

    public sealed record Added(Result Result, DisputeMessage? Message = null);

    /// <param name="db">A context of the dispute's brand.</param>
    /// <param name="sideOf">The caller's side in the dispute, or null when it is no party to it (a consumer who neither bought nor sold).</param>
    public async Task<Added> AddAsync(RepurchDb db, string disputeId, Func<Dispute, Task<string?>> sideOf, string authorId, DisputeInput.Message input,
        Caller caller, CancellationToken ct)
    {
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        var dispute = await Locks.LockRowAsync<Dispute>(db, disputeId, ct);
        if (dispute is null || await sideOf(dispute) is not { } side) return new Added(Result.NotFound);
        if (dispute.Status == DisputeStates.Resolved) return new Added(Result.Resolved);
        if (input.PhotoIds.Length > 0)
        {
            // Row-level security limits the look-up to the dispute's brand: another brand's photo is not found.
            var found = await db.Attachments.CountAsync(a => input.PhotoIds.Contains(a.Id), ct);
            if (found != input.PhotoIds.Length) return new Added(Result.PhotosNotFound);
        }
        var screening = await screener.ScreenAsync(db, dispute.BrandId, input.Text, ct);
        var now = clock.GetUtcNow();
        var message = new DisputeMessage
        {
            Id = PublicIds.New("dsm_"), BrandId = dispute.BrandId, DisputeId = dispute.Id, AuthorSide = side, AuthorId = authorId,
            Text = input.Text, Status = StatusOf(screening.Verdict), Reasons = [.. screening.Reasons], ValidatorVersion = screening.ValidatorVersion,
            PhotoIds = input.PhotoIds, CreatedAt = now,
        };
        db.DisputeMessages.Add(message);
        var before = DisputeStates.Effective(dispute, now);
        // A passed deadline is made permanent by the first write after it.
        dispute.Status = before;
        if (message.Status == "delivered")
        {
            if (side == DisputeStates.SellerSide)
            {
                dispute.SellerRespondedAt ??= now;
                if (dispute.Status == DisputeStates.AwaitingSeller) dispute.Status = DisputeStates.AwaitingBuyer;
            }
            else if (side == DisputeStates.BuyerSide && dispute.Status == DisputeStates.AwaitingBuyer)
            {
                dispute.Status = DisputeStates.UnderReview;
            }
        }
        dispute.UpdatedAt = now;
        // Reasons and the validator's version, never the text.
        await AuditLog.RecordForBrandAsync(db, dispute.BrandId, caller, DisputeEvents.MessageAdded, dispute.Id, new Dictionary<string, FieldChange>
        {
            ["message_id"] = new(null, message.Id),
            ["author_side"] = new(null, side),
            ["message_status"] = new(null, message.Status),
            ["reasons"] = new(null, message.Reasons),
            ["validator_version"] = new(null, message.ValidatorVersion),
            ["photo_ids"] = new(null, message.PhotoIds),
            ["status"] = new(before, dispute.Status),
        }, clock, ct);
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        return new Added(Result.Added, message);
    }

    public static string StatusOf(ScreeningVerdict verdict) => verdict switch
    {
        ScreeningVerdict.Allow => "delivered",
        ScreeningVerdict.Hold => "held",
        _ => "blocked",
    };
}
