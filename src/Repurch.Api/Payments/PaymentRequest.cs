namespace Repurch.Api.Payments;

/// <param name="Reference">Our order id: PayPal's <c>reference_id</c>/<c>invoice_id</c>, and the <c>PayPal-Request-Id</c> root.</param>
/// <param name="PlatformFee">Commission plus VAT plus delivery contribution: the platform's share.</param>
public sealed record PaymentRequest(string Reference, decimal Amount, decimal PlatformFee, string Description, string BuyerEmail);
