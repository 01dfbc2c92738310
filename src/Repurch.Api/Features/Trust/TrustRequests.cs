namespace Repurch.Api.Features.Trust;

/// <summary>Body of <c>POST /v1/trust/screen</c>.</summary>
public sealed record ScreenRequest(string Text);
