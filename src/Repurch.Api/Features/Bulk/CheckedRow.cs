using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

/// <summary>One data row checked against the create-listing rules.</summary>
public sealed record CheckedRow(SheetRow Source, string Title, Listing? Listing, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}
