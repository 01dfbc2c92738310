using GraphQL;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// What every resolver reads through: the request's own <see cref="RepurchDb"/> (already opened on the
/// caller's plane under the brand session, so row-level security applies as in REST) and the caller.
/// </summary>
public sealed class GraphQLRequestContext(RepurchDb db, Caller caller) : Dictionary<string, object?>
{
    public RepurchDb Db { get; } = db;
    public Caller Caller { get; } = caller;

    public static GraphQLRequestContext Of(IResolveFieldContext context) => (GraphQLRequestContext)context.UserContext;
}
