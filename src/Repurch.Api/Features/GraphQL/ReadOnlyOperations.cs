using GraphQL.Validation;
using GraphQLParser.AST;

namespace Repurch.Api.Features.GraphQL;

/// <summary>Mutations (and subscriptions) stay in REST: any such operation fails validation with one clear code.</summary>
public sealed class ReadOnlyOperations : ValidationRuleBase
{
    public static readonly ReadOnlyOperations Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var op in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
            if (op.Operation != OperationType.Query)
                context.ReportError(new ValidationError(context.Document.Source, null,
                    $"This endpoint is read-only: {op.Operation.ToString().ToLowerInvariant()} operations are not supported. Make changes through the REST API (/v1/...).", op)
                { Code = GraphQLCodes.MutationsNotSupported });
        return default;
    }
}
