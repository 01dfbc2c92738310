namespace Repurch.Api.Features.Media;

public sealed record ProcessedImage(EncodedImage Original, EncodedImage Medium, EncodedImage Large, int Frames);
