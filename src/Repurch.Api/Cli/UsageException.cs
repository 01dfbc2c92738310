namespace Repurch.Api.Cli;

/// <summary>An operator's mistake on the command line: printed as one <c>error:</c> line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
