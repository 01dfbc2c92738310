namespace Repurch.Api.Features.Media;

public sealed class ImageRejectedException(ImageProblem problem, string message) : Exception(message)
{
    public ImageProblem Problem { get; } = problem;
}
