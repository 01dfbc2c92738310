using System.Runtime.CompilerServices;

namespace Repurch.Sdk;

/// <summary>Auto-pagination over the API's <c>page</c>/<c>per_page</c> lists (<c>meta.page</c>, <c>meta.total_pages</c>).</summary>
public static class Paginate
{
    /// <summary>
    /// Every item of a paged list, fetching the next page only as the loop reaches it:
    /// <paramref name="fetchPage"/> gets the page number to request; <paramref name="items"/> and
    /// <paramref name="totalPages"/> read the page's <c>data</c> and <c>meta.total_pages</c>.
    /// </summary>
    public static async IAsyncEnumerable<TItem> AllAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage?>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, int?> totalPages,
        int firstPage = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(totalPages);
        for (var page = firstPage; ; page++)
        {
            var body = await fetchPage(page, cancellationToken);
            if (body is null) yield break;
            var any = false;
            foreach (var item in items(body) ?? [])
            {
                any = true;
                yield return item;
            }
            if (!any || page >= (totalPages(body) ?? page)) yield break;
        }
    }
}
