using Repurch.Sdk.Generated.V1.Listings;

namespace Repurch.Sdk.Examples.Examples;

public static class ListClearanceListings
{
    public static async Task RunAsync(string[] args)
    {
        // A sandbox key (re_pk_test_…) works on sandbox data, a live key (re_pk_live_…) on live data.
        using var repurch = RepurchClient.Create(Environment.GetEnvironmentVariable("REPURCH_API_KEY")!, Environment.GetEnvironmentVariable("REPURCH_BASE_URL"));

        // Every clearance listing: the SDK fetches the next page as the loop reaches it.
        var listings = Paginate.AllAsync(
            (page, ct) => repurch.Api.V1.Listings.GetAsync(r =>
            {
                r.QueryParameters.Channel = GetChannelQueryParameterType.Clearance;
                r.QueryParameters.PerPage = 2;
                r.QueryParameters.Page = page;
            }, ct),
            p => p.Data,
            p => p.Meta?.TotalPages);
        await foreach (var listing in listings)
        {
            Console.WriteLine($"{listing.Id}\t{listing.Title}\t£{listing.Price:0.##}");
        }
    }
}
