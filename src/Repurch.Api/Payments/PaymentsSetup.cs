using Microsoft.Extensions.Options;
using Repurch.Api.Configuration;

namespace Repurch.Api.Payments;

public static class PaymentsSetup
{
    /// <summary>The payment provider <see cref="PaymentOptions"/> names (checked at startup).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddBoundOptions<PaymentOptions>();
        services.AddSingleton<IPaymentProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PaymentOptions>>().Value;
            return options.Provider == "paypal" ? CreatePayPal(sp, options.PayPal) : new FakePaymentProvider();
        });
        return services;
    }

    private static PayPalProvider CreatePayPal(IServiceProvider sp, PayPalOptions options)
    {
        // Timeouts are per call (PayPalOptions.TimeoutSeconds), not the client's.
        var http = new HttpClient { BaseAddress = new Uri(options.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        return new PayPalProvider(http, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PayPalProvider>>());
    }
}
