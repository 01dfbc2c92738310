namespace Repurch.Api.Storage;

public static class ObjectKeys
{
    /// <summary>Lower-case letters, digits, <c>-_.</c> and <c>/</c> between non-empty segments that are not dot-only.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 512
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/')
        && key.Split('/').All(s => s.Length > 0 && s.Trim('.').Length > 0);
}
