namespace Repurch.Api.Authentication;

public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public static readonly string[] All = [Read, Write];
}
