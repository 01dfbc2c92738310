namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// The <c>errors[].extensions.code</c> values this endpoint sets itself (GraphQL.NET's own validation
/// codes, e.g. <c>FIELDS_ON_CORRECT_TYPE</c>, pass through unchanged). Snake case, like the REST codes.
/// </summary>
public static class GraphQLCodes
{
    public const string QueryTooDeep = "query_too_deep";
    public const string QueryTooComplex = "query_too_complex";
    public const string MutationsNotSupported = "mutations_not_supported";
    public const string PersistedQueryNotFound = "persisted_query_not_found";
    public const string PersistedQueryMismatch = "persisted_query_hash_mismatch";
    public const string InvalidArgument = "invalid_argument";
    public const string InvalidCursor = "invalid_cursor";
    public const string InternalError = "internal_error";
}
