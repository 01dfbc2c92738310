namespace Repurch.Api.Features.Trust;

/// <summary>The reason codes of a screening (wire values), each with a hold-or-block action in the brand's policy.</summary>
public static class ScreeningReasons
{
    /// <summary>Phone numbers, email addresses, messaging-app handles and links: taking the conversation off the platform.</summary>
    public const string ContactDetails = "contact_details";
    /// <summary>Paying outside the platform: bank transfer, sort code and account, PayPal friends and family, crypto, gift cards, cash to skip fees.</summary>
    public const string OffPlatformPayment = "off_platform_payment";
    /// <summary>Links outside the platform's and the brand's domains, lookalike domains, URL shorteners.</summary>
    public const string SuspiciousLink = "suspicious_link";
    /// <summary>Fake payment notices, overpayment refunds, courier or agent fees, deposits to hold an item.</summary>
    public const string PaymentScam = "payment_scam";
    /// <summary>Requests for one-time codes, bank logins, card numbers or CVV, identity documents.</summary>
    public const string CredentialRequest = "credential_request";

    /// <summary>Every reason, in the order a screening lists them.</summary>
    public static readonly string[] All = [ContactDetails, OffPlatformPayment, SuspiciousLink, PaymentScam, CredentialRequest];
}
