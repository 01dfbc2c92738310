namespace Repurch.Api.Http;

/// <summary>What leaving a field out, or sending it as <c>null</c>, means (see <see cref="FieldReader"/>).</summary>
public enum FieldPresence
{
    /// <summary>May be left out; <c>null</c> (and blank text) clears it or resets its documented default.</summary>
    Optional,

    /// <summary>May be left out, but has no empty state (a flag, a choice with a default): <c>null</c> is <c>&lt;name&gt;_invalid</c>.</summary>
    NotNull,

    /// <summary>Must have a value: <c>null</c> and blank text are <c>&lt;name&gt;_required</c>, and so is leaving it out of a create.</summary>
    Required,
}
