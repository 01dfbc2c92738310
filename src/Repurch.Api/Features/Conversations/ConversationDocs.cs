using Repurch.Api.Errors;

namespace Repurch.Api.Features.Conversations;

/// <summary>OpenAPI text both audiences' operations share.</summary>
internal static class ConversationDocs
{
    public const string MessagesDescription =
        "Paged by write order: page 1 holds the latest `per_page` messages and each page lists them oldest first, as a chat shows them. " +
        "The caller sees its own messages in every status (`delivered`, `held` for the brand's moderation, `blocked` by the screener, " +
        "`rejected` by a moderator) with the `reasons` and `signals` the screener found; the other side's messages only once `delivered`. " +
        "An edit is a new message (`version` + 1, `replaces` the old id); the old version stays, with `superseded_by` naming the newer one " +
        "the caller can see. `read_at` is the read receipt: when the recipient first marked the message read (`POST …/read`); null until then. " +
        "Reading this list does not mark anything read.";

    public const string ReadDescription =
        "Marks every message the other side has had delivered so far as read by the caller: their `read_at` receipts are set to now, " +
        "and the caller's `unread_count` drops to 0. Idempotent: marking again with nothing new changes nothing. No request body. " +
        "Answers the latest message now read (`last_read_message_id`, null when there is none).";

    public const string SendDescription =
        "`text` is required: 1 to 4,000 characters after trimming (an emoji is one), newlines and tabs allowed, other control characters refused. " +
        "Every message is screened by the trust engine (the one behind `POST /v1/trust/screen`, with the brand's policy) before anyone else can see it, " +
        "and the answer is `201` with its `status`: `delivered` (the recipient sees it; `message.created`), `held` (only the sender sees it until the " +
        "brand's moderation approves or rejects it; `message.held`, without the text) or `blocked` (never delivered). `reasons` say why " +
        "(`contact_details`, `off_platform_payment`, `suspicious_link`, `payment_scam`, `credential_request`) and `signals` where (offsets into `text`). " +
        "Held and blocked verdicts are in the audit log with the reasons and `validator_version`. Messages are append-only: nothing is ever " +
        "changed or deleted (an edit is a new version; erasure on request is a separate process). Bodies are capped at 64 KB.";

    public const string EditDescription =
        "Sends a new version of one of the caller's own messages: a new message (`version` + 1, `replaces` the old id), screened like any other " +
        "(`201` with its own `status` and `reasons`). The old version stays as it was (the recipient keeps seeing a delivered old version until the " +
        "new one is delivered); lists show it with `superseded_by`. Only the sender can edit, and only the latest version (`409 message_not_editable`). " +
        "Bodies are capped at 64 KB.";

    public static readonly ErrorCode TextInvalid = CommonErrors.ValidationFailed.DescribedAs(
        "Field codes in `data.errors`: `text_required` (missing, null or blank), `text_invalid` (not a string, or a control character other than newline and tab), " +
        "`text_too_long` (over 4,000 characters), `<field>_unknown`, `<field>_duplicate`.");

    public static readonly ErrorCode OpenInvalid = CommonErrors.ValidationFailed.DescribedAs(
        "Field codes in `data.errors`: `listing_id_required`, `listing_id_invalid` (not a positive integer), `text_required` (missing, null or blank), " +
        "`text_invalid` (not a string, or a control character other than newline and tab), `text_too_long` (over 4,000 characters), `<field>_unknown`, `<field>_duplicate`.");

    public static readonly ErrorCode TooLarge = CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB.");
}
