namespace Repurch.Api.Features.Taxonomy;

public sealed record ConditionOption(string Value, string Label, string Help);
