using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// What one query may cost before anything runs: nesting depth and a field count weighted by page
/// size, so a dashboard's overview passes and an alias fan-out of 100-row pages does not.
/// </summary>
public static class GraphQLLimits
{
    /// <summary>The schema's own deepest path is 5; 15 leaves room for the standard introspection query.</summary>
    public const int MaxDepth = 15;
    public const int MaxCost = 5000;
    public const int MaxQueryLength = 20_000;
    public const long BodyLimit = 64 * 1024;

    public static ComplexityValidationRule Rule() => new(new ComplexityOptions
    {
        DefaultComplexityImpactDelegate = Impact,
        ValidateComplexityDelegate = ctx =>
        {
            if (ctx.MaxDepth > MaxDepth)
                ctx.Error = new ValidationError($"Query is nested {ctx.MaxDepth} levels deep; the limit is {MaxDepth}.") { Code = GraphQLCodes.QueryTooDeep };
            else if (ctx.TotalImpact > MaxCost)
                ctx.Error = new ValidationError($"Query costs {ctx.TotalImpact:0}; the limit is {MaxCost}. Ask for fewer rows (first) or fields.") { Code = GraphQLCodes.QueryTooComplex };
            return Task.CompletedTask;
        },
    });

    /// <summary>
    /// Every field costs 1; a connection multiplies what is under it by its page size (<c>first</c>,
    /// default 20); the edges and nodes lists inside a connection add no factor of their own (the page
    /// size already counted them), other lists count 5 rows. Introspection is free (depth still applies).
    /// </summary>
    private static FieldComplexityResult Impact(FieldImpactContext ctx)
    {
        if (ctx.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || ctx.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
            return new FieldComplexityResult(0, 1);
        if (ctx.FieldDefinition.Arguments?.Find("first") is not null)
        {
            // Out-of-range values are the resolver's invalid_argument; here they only must not overflow the count.
            var first = ctx.Arguments is { } args && args.TryGetValue("first", out var v) && v.Value is int n ? Math.Clamp(n, 1, Connections.MaxFirst) : Connections.DefaultFirst;
            return new FieldComplexityResult(1, first);
        }
        if (ctx.ParentType.Name.EndsWith("Connection", StringComparison.Ordinal))
            return new FieldComplexityResult(1, 1);
        var type = ctx.FieldDefinition.ResolvedType is NonNullGraphType nn ? nn.ResolvedType : ctx.FieldDefinition.ResolvedType;
        return new FieldComplexityResult(1, type is ListGraphType ? 5 : 1);
    }
}
