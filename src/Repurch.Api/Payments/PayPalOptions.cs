namespace Repurch.Api.Payments;

/// <summary>PayPal Commerce Platform settings (<c>Payments:PayPal:…</c>).</summary>
public sealed class PayPalOptions
{
    /// <summary><c>https://api-m.sandbox.paypal.com</c> (sandbox) or <c>https://api-m.paypal.com</c> (live).</summary>
    public string BaseUrl { get; set; } = "https://api-m.sandbox.paypal.com";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>The id PayPal gave the webhook subscription; verification needs it.</summary>
    public string WebhookId { get; set; } = "";
    /// <summary>The platform's partner merchant id, when the order's payee is a connected seller account (platform fees need one).</summary>
    public string? PayeeMerchantId { get; set; }
    public double TimeoutSeconds { get; set; } = 10;
}
