using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Repurch.Api.Features.GraphQL;

/// <summary>A Relay connection named after its record (<c>ListingSummaryConnection</c>).</summary>
public sealed class NamedConnection<TNode> : ConnectionType<AutoRegisteringObjectGraphType<TNode>, NamedEdge<TNode>>
{
    public NamedConnection()
    {
        Name = typeof(TNode).Name + "Connection";
        Description = $"A page of {typeof(TNode).Name} rows: edges (or items), pageInfo and totalCount.";
    }
}
