namespace Repurch.Api.Features.Bulk;

public sealed record BulkColumn(string Name, CellKind Kind, string Help, bool Required = false);
