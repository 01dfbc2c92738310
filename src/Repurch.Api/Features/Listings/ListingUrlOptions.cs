using Repurch.Api.Configuration;

namespace Repurch.Api.Features.Listings;

/// <summary>Listing settings: <c>REPURCH_MARKETPLACE_URL</c>, the base of listing <c>url</c>s.</summary>
public sealed class ListingUrlOptions : BoundOptions
{
    public const string MarketplaceUrlSetting = "REPURCH_MARKETPLACE_URL";

    public string MarketplaceUrl { get; set; } = "https://sofalistic.co.uk";

    protected override void Load(IConfiguration config) =>
        MarketplaceUrl = (Text(config, MarketplaceUrlSetting) ?? "https://sofalistic.co.uk").TrimEnd('/');

    protected override IEnumerable<string> Check() =>
        NotHttpUrl(MarketplaceUrlSetting, MarketplaceUrl) is { } problem ? [problem] : [];
}
