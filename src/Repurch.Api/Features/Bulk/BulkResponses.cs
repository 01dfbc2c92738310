using System.Text.Json.Serialization;

namespace Repurch.Api.Features.Bulk;

public sealed record ValidateRow(int Row, string Title, string Status, IReadOnlyList<string> Errors);

public sealed record ValidateResponse(int RowCount, int ErrorCount, int MaxRows, IReadOnlyList<string> Headers, IReadOnlyList<ValidateRow> Rows);

public sealed record CommitRow(
    int Row, string Title, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ProductId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors);

public sealed record CommitResponse(int RowCount, int SuccessCount, int ErrorCount, IReadOnlyList<CommitRow> Rows);

public sealed record BulkDeleteResult(
    long Id, bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors);

public sealed record BulkDeleteResponse(int SuccessCount, int ErrorCount, IReadOnlyList<BulkDeleteResult> Results);
