namespace Repurch.Api.Persistence;

/// <summary>A missing or wrong setting: printed as one line, not a stack trace.</summary>
public sealed class StartupException(string message) : Exception(message);
