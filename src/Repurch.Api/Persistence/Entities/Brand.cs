namespace Repurch.Api.Persistence;

public sealed class Brand
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool IsMarketplace { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
