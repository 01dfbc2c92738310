namespace Repurch.Api.Features.Bulk;

public sealed record BulkFileRequest(string? FileB64, string? CsvText, string? Filename);

public sealed record BulkDeleteRequest(IReadOnlyList<long> Ids);
