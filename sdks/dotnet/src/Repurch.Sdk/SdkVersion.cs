namespace Repurch.Sdk;

/// <summary>This SDK's version, sent in the User-Agent (a unit test keeps it equal to the project's Version).</summary>
public static class SdkVersion
{
    public const string Value = "0.1.0";

    public const string UserAgent = "repurch-dotnet/" + Value;
}
