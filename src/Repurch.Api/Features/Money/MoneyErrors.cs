using Repurch.Api.Errors;

namespace Repurch.Api.Features.Money;

public static class MoneyErrors
{
    public static readonly ErrorCode OrderNotFound = new(404, "order_not_found",
        "No order with this id was placed with this marketplace key's brand.", "Order not found.");
    public static readonly ErrorCode OrderStateInvalid = new(409, "order_state_invalid",
        "The order is not in a state that allows this (the message names its status).");
    public static readonly ErrorCode ListingSoldOut = new(409, "listing_sold_out",
        "Every unit is reserved by other buyers' orders (they went while this request waited, or earlier and are not yet paid).", "This listing has sold out.");
    public static readonly ErrorCode InsufficientQuantity = new(409, "insufficient_quantity",
        "Fewer units are left than asked for; the message says how many.");
    public static readonly ErrorCode OwnListing = new(409, "cannot_buy_own_listing",
        "The listing is the signed-in account's own trade-in; a seller cannot buy from themselves.", "You cannot buy your own listing.");
    public static readonly ErrorCode PaymentDeclined = new(402, "payment_declined", "The payment provider refused the payment.");
    public static readonly ErrorCode PaymentProviderUnavailable = new(502, "payment_provider_unavailable",
        "The payment provider failed or timed out; nothing changed, retry with the same Idempotency-Key.",
        "The payment provider failed or timed out. Nothing changed; retry with the same Idempotency-Key.");
    public static readonly ErrorCode InvalidSignature = new(401, "invalid_signature",
        "PayPal did not confirm the signature.", "The notification's signature could not be verified.");
}
