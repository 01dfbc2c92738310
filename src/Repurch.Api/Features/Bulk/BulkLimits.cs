namespace Repurch.Api.Features.Bulk;

/// <summary>Safety limits for one file. Synchronous calls use <see cref="Small"/>, jobs <see cref="Large"/>.</summary>
public sealed record BulkLimits(long MaxUncompressedBytes, int MaxZipEntries = 2_000, int MaxCompressionRatio = 100)
{
    public static readonly BulkLimits Small = new(64L * 1024 * 1024);
    public static readonly BulkLimits Large = new(2L * 1024 * 1024 * 1024);
}
