using Microsoft.Extensions.Options;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Listings;

public sealed class ListingUrls(IOptions<ListingUrlOptions> options)
{
    private readonly string _base = options.Value.MarketplaceUrl;

    public string For(Listing l) => $"{_base}/product/{l.Slug}-{l.Id}";
}
