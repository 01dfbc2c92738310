using System.Text.Json.Serialization;

namespace Repurch.Api.Features.Bulk;

public sealed record BulkJobError(string Code, string Message);

public sealed record BulkJobReports(string Csv, string Xlsx);

public sealed record BulkJobView(
    Guid Id, string Status, string Mode, string Format, string? Filename, long FileSize,
    int? TotalRows, int RowsDone, double? Progress, int SuccessCount, int CreatedCount, int UpdatedCount, int ErrorCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkJobError? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkJobReports? Reports,
    string CreatedAt, string? StartedAt, string? FinishedAt);
