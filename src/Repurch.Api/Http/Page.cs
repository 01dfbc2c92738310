namespace Repurch.Api.Http;

/// <summary>One page of a list as <see cref="Paging.ReadPageAsync"/> read it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int PerPage, int Total)
{
    public int TotalPages => (Total + PerPage - 1) / PerPage;

    /// <summary>There are more than <see cref="Total"/> items: the count stopped at a cap (<see cref="Paging.ReadCappedPageAsync"/>).</summary>
    public bool Capped { get; init; }

    public ListMeta Meta(string brandId) => new(Number, PerPage, Total, TotalPages, brandId);
}
