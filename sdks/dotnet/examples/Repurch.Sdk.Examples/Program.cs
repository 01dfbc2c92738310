using Repurch.Sdk.Examples.Examples;

// dotnet Repurch.Sdk.Examples.dll <task> [args...]: one README snippet per task.
var rest = args.Skip(1).ToArray();
switch (args.FirstOrDefault())
{
    case "list-clearance-listings": await ListClearanceListings.RunAsync(rest); break;
    case "create-listing-with-photos": await CreateListingWithPhotos.RunAsync(rest); break;
    case "bulk-import": await BulkImport.RunAsync(rest); break;
    case "redeem-credit-code": await RedeemCreditCode.RunAsync(rest); break;
    case "verify-webhook": await VerifyWebhook.RunAsync(rest); break;
    default:
        await Console.Error.WriteLineAsync("usage: Repurch.Sdk.Examples list-clearance-listings|create-listing-with-photos|bulk-import|redeem-credit-code|verify-webhook [args...]");
        return 2;
}
return 0;
