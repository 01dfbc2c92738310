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
                "paypal" => CreatePayPal(sp, config),
                _ => throw new Persistence.StartupException($"Payments:Provider must be fake or paypal, not '{name}'."),
            };
        });
        return services;
    }

    private static PayPalProvider CreatePayPal(IServiceProvider sp, IConfiguration config)
    {
        var options = new PayPalOptions();
        config.GetSection("Payments:PayPal").Bind(options);
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
            throw new Persistence.StartupException("Payments:Provider is paypal but Payments:PayPal:ClientId or ClientSecret is not set.");
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl))
            throw new Persistence.StartupException("Payments:PayPal:BaseUrl is not an absolute URL.");
        // Timeouts are per call (PayPalOptions.TimeoutSeconds), not the client's.
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        return new PayPalProvider(http, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PayPalProvider>>());
    }
}
