namespace Repurch.Sdk;

/// <summary>The request never got an answer (refused, reset, DNS) after every retry.</summary>
public sealed class RepurchConnectionException : Exception
{
    public RepurchConnectionException()
    {
    }

    public RepurchConnectionException(string message)
        : base(message)
    {
    }

    public RepurchConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
