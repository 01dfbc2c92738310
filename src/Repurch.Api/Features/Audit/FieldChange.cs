namespace Repurch.Api.Features.Audit;

/// <summary>A field's value before and after a change.</summary>
public sealed record FieldChange(object? From, object? To);
