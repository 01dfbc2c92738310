using System.Net;
using System.Web;

namespace Repurch.Sdk.Tests;

/// <summary>Paginate.AllAsync walks page after page until meta.total_pages, fetching each only when reached.</summary>
public sealed class PaginateTests
{
    private static FakeTransport ThreePages()
    {
        var fake = new FakeTransport();
        for (var i = 0; i < 3; i++)
            fake.Answer(request =>
            {
                var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"]!, System.Globalization.CultureInfo.InvariantCulture);
                var ids = page < 3 ? $"{{\"id\":{page * 2 - 1},\"title\":\"t\"}},{{\"id\":{page * 2},\"title\":\"t\"}}" : "{\"id\":5,\"title\":\"t\"}";
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent($"{{\"data\":[{ids}],\"meta\":{{\"page\":{page},\"per_page\":2,\"total\":5,\"total_pages\":3}}}}", System.Text.Encoding.UTF8, "application/json"),
                };
            });
        return fake;
    }

    [Fact]
    public async Task It_yields_every_item_of_every_page()
    {
        var fake = ThreePages();
        using var repurch = Fakes.Client(fake);

        var ids = new List<long>();
        await foreach (var listing in Paginate.AllAsync(
            (page, ct) => repurch.Api.V1.Listings.GetAsync(r => { r.QueryParameters.Page = page; r.QueryParameters.PerPage = 2; }, ct),
            p => p.Data, p => p.Meta?.TotalPages))
            ids.Add(listing.Id!.Value);

        Assert.Equal([1, 2, 3, 4, 5], ids);
        Assert.Equal(3, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Contains("per_page=2", r.Uri.Query));
    }

    [Fact]
    public async Task It_fetches_the_next_page_only_when_the_loop_reaches_it()
    {
        var fake = ThreePages();
        using var repurch = Fakes.Client(fake);

        await foreach (var listing in Paginate.AllAsync(
            (page, ct) => repurch.Api.V1.Listings.GetAsync(r => r.QueryParameters.Page = page, ct),
            p => p.Data, p => p.Meta?.TotalPages))
        {
            if (listing.Id == 2) break;
        }

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_empty_list_is_one_request()
    {
        var fake = new FakeTransport().Answer(HttpStatusCode.OK, """{"data":[],"meta":{"page":1,"total_pages":0}}""");
        using var repurch = Fakes.Client(fake);

        var count = 0;
        await foreach (var _ in Paginate.AllAsync((page, ct) => repurch.Api.V1.Listings.GetAsync(r => r.QueryParameters.Page = page, ct), p => p.Data, p => p.Meta?.TotalPages))
            count++;

        Assert.Equal(0, count);
        Assert.Single(fake.Requests);
    }
}
