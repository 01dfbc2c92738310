namespace Repurch.Api.Errors;

/// <summary>
/// One error code, declared once in its area's <c>...Errors</c> class: the status and code it is
/// answered with, the text the OpenAPI error tables show for it, and the message the answer carries
/// unless the caller passes one with detail. <see cref="Result"/> builds the answer; passing the
/// declaration to <c>.Errors(...)</c> documents it.
/// </summary>
public sealed record ErrorCode
{
    public ErrorCode(int status, string code, string description, string? message = null)
    {
        Status = status;
        Code = code;
        Description = description;
        Message = message ?? description;
    }

    public int Status { get; private init; }
    public string Code { get; }

    /// <summary>What the OpenAPI error table says about this code.</summary>
    public string Description { get; private init; }

    /// <summary>The answer's <c>message</c> when the handler gives none.</summary>
    public string Message { get; }

    public ApiErrorResult Result(string? message = null, IReadOnlyList<string>? errors = null, string? param = null) =>
        new(new ApiError(Code, message ?? Message, new ApiErrorData(Status, errors, param)));

    /// <summary>The same code described for one operation (which fields it names there, its body limit...).</summary>
    public ErrorCode DescribedAs(string description) => this with { Description = description };

    /// <summary>
    /// The same code with the status something outside the handler chose (Kestrel's 4xx for an
    /// unreadable request, the status a bare status-code page carries).
    /// </summary>
    public ErrorCode AtStatus(int status) => this with { Status = status };
}
