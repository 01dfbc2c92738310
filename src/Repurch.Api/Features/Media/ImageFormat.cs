namespace Repurch.Api.Features.Media;

public sealed record ImageFormat(string Mime, string Extension, string Loader);
