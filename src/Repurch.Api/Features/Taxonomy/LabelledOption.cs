namespace Repurch.Api.Features.Taxonomy;

public sealed record LabelledOption(string Value, string Label);
