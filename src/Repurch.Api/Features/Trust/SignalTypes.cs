namespace Repurch.Api.Features.Trust;

/// <summary>The fine-grained signal types a screening reports, and the reason each one counts towards.</summary>
public static class SignalTypes
{
    public const string PhoneNumber = "phone_number";
    public const string EmailAddress = "email_address";
    public const string MessagingApp = "messaging_app";
    public const string ContactRequest = "contact_request";
    public const string Link = "link";
    public const string LookalikeDomain = "lookalike_domain";
    public const string UrlShortener = "url_shortener";
    public const string BankDetails = "bank_details";
    public const string BankTransfer = "bank_transfer";
    public const string PayPalFriends = "paypal_friends_family";
    public const string Crypto = "crypto";
    public const string GiftCard = "gift_card";
    public const string CashOffPlatform = "cash_off_platform";
    public const string PayDirectly = "pay_directly";
    public const string FakePaymentNotice = "fake_payment_notice";
    public const string Overpayment = "overpayment";
    public const string CourierFee = "courier_fee";
    public const string Deposit = "deposit";
    public const string OneTimeCode = "one_time_code";
    public const string BankLogin = "bank_login";
    public const string CardNumber = "card_number";
    public const string IdentityDocument = "identity_document";

    /// <summary>Every signal type with the reason it counts towards.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reason = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PhoneNumber] = ScreeningReasons.ContactDetails,
        [EmailAddress] = ScreeningReasons.ContactDetails,
        [MessagingApp] = ScreeningReasons.ContactDetails,
        [ContactRequest] = ScreeningReasons.ContactDetails,
        [Link] = ScreeningReasons.SuspiciousLink,
        [LookalikeDomain] = ScreeningReasons.SuspiciousLink,
        [UrlShortener] = ScreeningReasons.SuspiciousLink,
        [BankDetails] = ScreeningReasons.OffPlatformPayment,
        [BankTransfer] = ScreeningReasons.OffPlatformPayment,
        [PayPalFriends] = ScreeningReasons.OffPlatformPayment,
        [Crypto] = ScreeningReasons.OffPlatformPayment,
        [GiftCard] = ScreeningReasons.OffPlatformPayment,
        [CashOffPlatform] = ScreeningReasons.OffPlatformPayment,
        [PayDirectly] = ScreeningReasons.OffPlatformPayment,
        [FakePaymentNotice] = ScreeningReasons.PaymentScam,
        [Overpayment] = ScreeningReasons.PaymentScam,
        [CourierFee] = ScreeningReasons.PaymentScam,
        [Deposit] = ScreeningReasons.PaymentScam,
        [OneTimeCode] = ScreeningReasons.CredentialRequest,
        [BankLogin] = ScreeningReasons.CredentialRequest,
        [CardNumber] = ScreeningReasons.CredentialRequest,
        [IdentityDocument] = ScreeningReasons.CredentialRequest,
    };
}
