using Repurch.Api.Http;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

public sealed class ListingUrls(IConfiguration config)
{
    private readonly string _base = (config["REPURCH_MARKETPLACE_URL"] ?? "https://sofalistic.co.uk").TrimEnd('/');

    public string For(Listing l) => $"{_base}/product/{l.Slug}-{l.Id}";
}
