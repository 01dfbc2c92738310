using Repurch.Api.Configuration;

namespace Repurch.Api.Payments;

/// <summary>
/// <c>Payments:Provider</c> (<c>Payments__Provider</c>): <c>fake</c> (default: ./run and the tests) or
/// <c>paypal</c> (PayPal Commerce Platform, settings under <c>Payments:PayPal</c>).
/// </summary>
public sealed class PaymentOptions : BoundOptions
{
    public string Provider { get; set; } = "fake";

    public PayPalOptions PayPal { get; set; } = new();

    protected override void Load(IConfiguration config) => BindSection(config, "Payments");

    protected override IEnumerable<string> Check()
    {
        if (Provider is not ("fake" or "paypal"))
        {
            yield return $"Payments:Provider must be fake or paypal, not '{Provider}'.";
            yield break;
        }
        if (Provider != "paypal") yield break;
        if (string.IsNullOrEmpty(PayPal.ClientId) || string.IsNullOrEmpty(PayPal.ClientSecret))
            yield return "Payments:Provider is paypal but Payments:PayPal:ClientId or ClientSecret is not set.";
        if (!Uri.TryCreate(PayPal.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"Payments:PayPal:BaseUrl: '{PayPal.BaseUrl}' is not an absolute http or https URL.";
        if (!(PayPal.TimeoutSeconds > 0) || !double.IsFinite(PayPal.TimeoutSeconds))
            yield return $"Payments:PayPal:TimeoutSeconds: {PayPal.TimeoutSeconds} must be a number of seconds above 0.";
    }
}
