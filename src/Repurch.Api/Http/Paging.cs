using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Errors;

namespace Repurch.Api.Http;

/// <summary><c>page</c> / <c>per_page</c> as every list endpoint reads them: 1-based, at most 100 a page.</summary>
public static class Paging
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;

    public static bool TryParse(string? page, string? perPage, out int pageNo, out int size, out ApiErrorResult? error)
    {
        error = null;
        size = DefaultPerPage;
        if (!TryInt(page, 1, 1, 1_000_000, out pageNo))
        {
            error = Problems.InvalidParameter("page", "page_invalid", "page must be an integer of at least 1.");
            return false;
        }
        if (!TryInt(perPage, DefaultPerPage, 1, MaxPerPage, out size))
        {
            error = Problems.InvalidParameter("per_page", "per_page_invalid", "per_page must be an integer from 1 to 100.");
            return false;
        }
        return true;
    }

    private static bool TryInt(string? raw, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (raw is null) return true;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>
    /// Counts the ordered query, reads one page of it (nothing when it is empty) and sets <c>X-Total-Count</c>.
    /// Open the connection first when the count and the page must share one session.
    /// </summary>
    public static async Task<Page<T>> ReadPageAsync<T>(IQueryable<T> ordered, int page, int perPage, HttpContext http, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = total == 0 ? [] : await ordered.Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return new Page<T>(items, page, perPage, total);
    }

    /// <summary>
    /// As <see cref="ReadPageAsync"/>, but counts at most <paramref name="cap"/> items of <paramref name="unordered"/>
    /// (the same rows, without the ordering, which a count does not need): counting a million visible rows costs
    /// about a second, the first ten thousand a few milliseconds. Past the cap, Total is the cap and Capped is true.
    /// </summary>
    public static async Task<Page<T>> ReadCappedPageAsync<T>(IQueryable<T> ordered, IQueryable<T> unordered, int cap, int page, int perPage,
        HttpContext http, CancellationToken ct)
    {
        var counted = await unordered.Take(cap + 1).CountAsync(ct);
        var total = Math.Min(counted, cap);
        var items = total == 0 ? [] : await ordered.Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return new Page<T>(items, page, perPage, total) { Capped = counted > cap };
    }
}
