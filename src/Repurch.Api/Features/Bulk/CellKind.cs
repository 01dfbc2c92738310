namespace Repurch.Api.Features.Bulk;

public enum CellKind { Text, Money, WholeNumber, Choice, Multi, Date, Urls }
