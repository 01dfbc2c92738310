namespace Repurch.Api.Payments;

public static class PaymentsSetup
{
    /// <summary>
    /// <c>Payments:Provider</c> (<c>Payments__Provider</c>): <c>fake</c> (default: ./run and the tests)
    /// or <c>paypal</c> (PayPal Commerce Platform, settings under <c>Payments:PayPal</c>).
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<IPaymentProvider>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var name = config["Payments:Provider"] ?? "fake";
            return name switch
            {
                "fake" => new FakePaymentProvider(),
                _ => throw new Persistence.StartupException($"Payments:Provider must be fake or paypal, not '{name}'."),
            };
        });
        return services;
    }
}
