namespace Repurch.Api.Cli;

public static class BrandIds
{
    public static bool IsValid(string id) =>
        id.Length is >= 2 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
