namespace Repurch.Sdk;

/// <summary>A webhook whose signature, timestamp or headers do not check out: answer it 400 and drop it.</summary>
public sealed class WebhookVerificationException : Exception
{
    public WebhookVerificationException()
    {
    }

    public WebhookVerificationException(string message)
        : base(message)
    {
    }

    public WebhookVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
