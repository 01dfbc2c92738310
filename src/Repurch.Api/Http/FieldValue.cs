namespace Repurch.Api.Http;

/// <summary>
/// One field as <see cref="FieldReader"/> read it: <see cref="Sent"/> when the body had it,
/// <see cref="Ok"/> when it passed (then <see cref="Value"/> is the normalised value, default meaning cleared).
/// </summary>
public readonly record struct FieldValue<T>(bool Sent, bool Ok, T? Value)
{
    /// <summary>Sent and valid: the caller applies <see cref="Value"/>.</summary>
    public bool Set => Sent && Ok;
}
