using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// Relay-style pages over an ordered query. A cursor is the opaque base64 of the row's position in
/// that order (as REST's page/per_page, so both read the same rows); <c>totalCount</c> is the filter's count.
/// </summary>
public static class Connections
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;

    public static async Task<Connection<TNode>> ReadAsync<TRow, TNode>(IQueryable<TRow> ordered, int? first, string? after,
        Func<List<TRow>, Task<IReadOnlyList<TNode>>> map, CancellationToken ct)
    {
        var size = first ?? DefaultFirst;
        if (size is < 1 or > MaxFirst)
            throw new ExecutionError($"first must be from 1 to {MaxFirst}.") { Code = GraphQLCodes.InvalidArgument };
        var offset = after is null ? 0 : Decode(after) + 1;
        var total = await ordered.CountAsync(ct);
        // One extra row says whether another page follows.
        var rows = offset >= total ? [] : await ordered.Skip(offset).Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        var nodes = await map(rows);
        var edges = nodes.Select((n, i) => new Edge<TNode> { Node = n, Cursor = Encode(offset + i) }).ToList();
        return new Connection<TNode>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = more, HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor, EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    public static string Encode(int position) => Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + position.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < 10_000_000)
                return position;
        }
        catch (FormatException)
        {
        }
        throw new ExecutionError("after is not a cursor this API returned.") { Code = GraphQLCodes.InvalidCursor };
    }
}
