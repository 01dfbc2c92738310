using Microsoft.AspNetCore.Http.HttpResults;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Trust;

/// <summary><c>POST /v1/trust/screen</c>: the validator messages and trade-ins go through, for partners' own surfaces.</summary>
public static class TrustEndpoints
{
    /// <summary>Longest text screened at once, in characters (a message, a listing description).</summary>
    public const int MaxText = 10_000;
    private const long BodyLimit = 64 * 1024;

    private static readonly string[] ScreenFields = ["text"];

    public static IEndpointRouteBuilder MapTrust(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/trust").WithTags("Trust").RequireAuthorization(Policies.PartnerRead);

        read.MapPost("/screen", Screen).WithName("ScreenText").WithSummary("Screen a text for scams and off-platform contact")
            .JsonRequest<ScreenRequest>().BodyLimit(BodyLimit)
            .WithDescription(
                "Runs `text` through the same validator that screens conversation messages and consumer trade-ins, under your brand's trust policy " +
                "(`GET /v1/partner/settings/trust`), and returns `{verdict, reasons, signals, validator_version}`. Nothing is stored. " +
                "`verdict` is `allow` (nothing found), `hold` (a person should look first) or `block` (never deliver): the strongest action your policy gives " +
                "the `reasons` found. Reasons: `contact_details` (phone numbers, email addresses, messaging-app handles and links such as WhatsApp, Telegram, " +
                "`wa.me`, `t.me`), `suspicious_link` (links outside the platform's and your allowed domains, lookalike domains of the platform, PayPal or your " +
                "brand, URL shorteners), `off_platform_payment` (bank transfer, sort code and account number, PayPal friends and family, crypto, gift cards, " +
                "cash to skip the fees), `payment_scam` (fake payment notices, overpayment refunds, courier or agent fees, deposits to hold an item), " +
                "`credential_request` (one-time or verification codes, bank logins, card numbers or CVV, identity documents). " +
                "Each `signal` says what was found (`phone_number`, `email_address`, `messaging_app`, `link`, `lookalike_domain`, `url_shortener`, " +
                "`bank_details`, `bank_transfer`, `paypal_friends_family`, `crypto`, `gift_card`, `cash_off_platform`, `pay_directly`, `fake_payment_notice`, " +
                "`overpayment`, `courier_fee`, `deposit`, `one_time_code`, `bank_login`, `card_number`, `identity_document`) and where: `start` and `end` " +
                "are UTF-16 offsets into `text` exactly as sent (end exclusive), also when the text was disguised (zero-width characters, look-alike " +
                "letters, digits written as words or spread out). The text is normalised before it is read: Unicode NFKC, confusable letters folded to their " +
                "skeleton (Unicode TS #39), invisible characters removed, digits written as words or spread over spaces, dots and lines joined, `at` and " +
                "`dot` spelt out read as `@` and `.`. `validator_version` changes whenever the detectors do. " +
                $"`text` is required, at most {MaxText:N0} characters; line breaks and tabs are allowed. Bodies are capped at 64 KB. Needs the `read` scope.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("`text_required` (missing, null or blank), `text_invalid` (not a string, or control characters other than " +
                    $"line breaks and tabs), `text_too_long` (over {MaxText:N0} characters), `<field>_unknown`, `<field>_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.InvalidBody, CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 64 KB."), CommonErrors.UnsupportedMediaType]);
        return app;
    }

    private static async Task<Results<Ok<ScreeningView>, ApiErrorResult>> Screen(HttpContext http, RepurchDb db, MessageScreener screener, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document;
        var errors = new List<string>();
        string? text = null;
        if (body.Empty) errors.Add("text_required");
        else text = new FieldReader(body.Root, ScreenFields, errors, creating: true).Text("text", MaxText, FieldPresence.Required, multiline: true).Value;
        if (errors.Count > 0) return Problems.Validation("Text could not be screened", errors);

        await db.OpenBrandSessionAsync(ct);
        var screening = await screener.ScreenAsync(db, http.Caller().BrandId, text!, ct);
        return TypedResults.Ok(ScreeningView.Of(screening));
    }
}
