namespace Repurch.Api.Http;

/// <summary>The <c>meta</c> of a brand's paged list.</summary>
public sealed record ListMeta(int Page, int PerPage, int Total, int TotalPages, string BrandId);
