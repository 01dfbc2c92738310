using Repurch.Sdk.Generated.Models;

namespace Repurch.Sdk.Examples.Examples;

public static class RedeemCreditCode
{
    public static async Task RunAsync(string[] args)
    {
        using var repurch = RepurchClient.Create(Environment.GetEnvironmentVariable("REPURCH_API_KEY")!, Environment.GetEnvironmentVariable("REPURCH_BASE_URL"));
        var (code, orderReference) = (args[0], args[1]);

        // At checkout: one call. A retry after a timeout reuses the SDK's Idempotency-Key, so it never redeems twice.
        try
        {
            var redemption = await repurch.Api.V1.Codes.Redeem.PostAsync(new CodeCheck { Code = code, OrderReference = orderReference });
            Console.WriteLine($"redeemed £{redemption!.AmountGbp:0.##} ({redemption.Id}) on {redemption.OrderReference}");
        }
        catch (RepurchException error)
        {
            // code_invalid, code_other_brand, code_already_redeemed, code_expired…: tell the shopper, keep the request id for support.
            Console.WriteLine($"refused: {error.Code} ({error.Status}, request {error.RequestId})");
        }
    }
}
