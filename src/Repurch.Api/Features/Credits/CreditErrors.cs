using Repurch.Api.Errors;

namespace Repurch.Api.Features.Credits;

public static class CreditErrors
{
    public static readonly ErrorCode CodeInvalid = new(422, "code_invalid",
        "No such code (a made-up code, or a typo that fails the check character). Counts towards the guess limit, except typos.", "This code is not valid.");
    public static readonly ErrorCode CodeOtherBrand = new(422, "code_other_brand",
        "The code was issued by another retailer on the platform and can only be redeemed there. Nothing about it (retailer, amount, state) is revealed. Counts towards the guess limit.",
        "This code was issued by another retailer and can only be redeemed there.");
    public static readonly ErrorCode CodeExpired = new(422, "code_expired", "The code is past its expiry date.", "This code has expired.");
    public static readonly ErrorCode CodeVoided = new(422, "code_voided", "The code was voided.", "This code has been voided.");
    public static readonly ErrorCode CodeAlreadyRedeemed = new(409, "code_already_redeemed",
        "The code has been redeemed already (the message never says where).", "This code has already been redeemed.");
    public static readonly ErrorCode TooManyCodeAttempts = new(429, "too_many_code_attempts",
        "Too many invalid codes from this key recently (`Money:CodeGuessLimit` per `Money:CodeGuessWindowMinutes`); `Retry-After` says when to try again.");
    public static readonly ErrorCode RedemptionNotFound = new(404, "redemption_not_found",
        "No redemption with this id for this brand.", "Redemption not found.");
    public static readonly ErrorCode RedemptionAlreadyReversed = new(409, "redemption_already_reversed",
        "This redemption was reversed already.", "This redemption has been reversed already.");
    public static readonly ErrorCode SellerNotFound = new(404, "seller_not_found",
        "No seller with this id has sold through this marketplace.", "Seller not found.");
}
