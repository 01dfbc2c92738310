using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Repurch.Api.Features.GraphQL;

/// <summary>An edge named after its record (<c>ListingSummaryEdge</c>), not after the graph type's CLR name.</summary>
public sealed class NamedEdge<TNode> : EdgeType<AutoRegisteringObjectGraphType<TNode>>
{
    public NamedEdge()
    {
        Name = typeof(TNode).Name + "Edge";
        Description = $"A {typeof(TNode).Name} and its cursor.";
    }
}
