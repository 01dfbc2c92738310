namespace Repurch.Api.Features.Credits;

public sealed record CodeCheck(string Code, string OrderReference);
