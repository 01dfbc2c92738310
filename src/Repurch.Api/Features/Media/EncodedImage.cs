namespace Repurch.Api.Features.Media;

public sealed record EncodedImage(byte[] Bytes, ImageFormat Format, int Width, int Height);
