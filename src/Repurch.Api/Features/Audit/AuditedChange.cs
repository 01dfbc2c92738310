namespace Repurch.Api.Features.Audit;

/// <summary>The <c>data.object</c> of a settings or key event: what changed, as in the audit log.</summary>
public sealed record AuditedChange(string? Id, IReadOnlyDictionary<string, FieldChange> Changes);
