using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace Repurch.Api.Features.GraphQL;

public static class GraphQLSetup
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services)
    {
        services.AddSingleton(_ =>
        {
            var schema = new DashboardSchema();
            schema.Initialize();
            return schema;
        });
        // Serial: every resolver shares the request's one DbContext (and its brand session), which is not thread-safe.
        services.AddSingleton<IDocumentExecuter>(_ => new DocumentExecuter(new GraphQLDocumentBuilder(), new global::GraphQL.Validation.DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, global::GraphQLParser.AST.OperationType.Query)]), []));
        // Exception details never reach the caller; GraphQL.NET's codes and our own do.
        services.AddSingleton(_ => new GraphQLSerializer(new ErrorInfoProvider(o => o.ExposeExceptionDetails = false)));
        services.AddSingleton<PersistedQueries>();
        return services;
    }
}
