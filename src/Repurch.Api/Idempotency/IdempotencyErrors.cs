using Repurch.Api.Errors;

namespace Repurch.Api.Idempotency;

/// <summary>The Idempotency-Key answers; IdempotencyDocs adds them to every authenticated mutation.</summary>
public static class IdempotencyErrors
{
    public static readonly ErrorCode KeyInvalid = new(400, "idempotency_key_invalid",
        "the Idempotency-Key header is empty, longer than 255 characters or not printable ASCII.",
        $"Idempotency-Key must be one value of 1 to {IdempotencyMiddleware.MaxKeyLength} printable ASCII characters.");
    public static readonly ErrorCode KeyInUse = new(409, "idempotency_key_in_use",
        "a request with this Idempotency-Key is still being processed; retry after it finishes.",
        "A request with this Idempotency-Key is still being processed. Retry after it has finished.");
    public static readonly ErrorCode KeyMismatch = new(422, "idempotency_key_mismatch",
        "this Idempotency-Key was used with a different method, path or body.",
        "This Idempotency-Key was used with a different request (method, path or body). Use a new key for a new request.");
}
