using Repurch.Api.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repurch.Api.Authentication;

namespace Repurch.Api.Features.ApiKeys;

/// <summary>A create request that passed field validation; whether the caller may grant it is checked separately.</summary>
public sealed record ApiKeyRequest(string Name, string Role, string[] Scopes, string Environment);

/// <summary>
/// Validates a create body field by field. Every failing field contributes its own code; the
/// request is returned only when there are none.
/// </summary>
public static partial class ApiKeyInput
{
    public const int MaxName = 100;

    /// <summary>Roles a partner may issue. <c>marketplace</c> keys are made by operators only.</summary>
    public static readonly string[] CreatableRoles = [Roles.Admin, Roles.Member];

    /// <summary>Fields accepted on create, in the order their errors are reported.</summary>
    public static readonly string[] Fields = ["name", "role", "scopes", "environment"];

    /// <summary>The codes an empty body earns.</summary>
    public static readonly string[] Missing = ["name_required", "role_required", "scopes_required"];

    public static ApiKeyRequest? Parse(JsonElement body, string callerEnvironment, List<string> errors)
    {
        var present = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in body.EnumerateObject())
        {
            if (Array.IndexOf(Fields, p.Name) < 0)
            {
                errors.Add(FieldFormats.UnknownFieldCode(p.Name));
                continue;
            }
            present[p.Name] = p.Value;
        }

        var name = Name(present, errors);
        var role = Role(present, errors);
        var scopes = ScopeList(present, errors);
        var environment = Environment(present, callerEnvironment, errors);
        return errors.Count == 0 ? new ApiKeyRequest(name!, role!, scopes!, environment!) : null;
    }

    private static bool IsAbsent(Dictionary<string, JsonElement> present, string field, out JsonElement v) =>
        !present.TryGetValue(field, out v) || v.ValueKind == JsonValueKind.Null;

    private static string? Name(Dictionary<string, JsonElement> present, List<string> errors)
    {
        if (IsAbsent(present, "name", out var v)) { errors.Add("name_required"); return null; }
        if (v.ValueKind != JsonValueKind.String) { errors.Add("name_invalid"); return null; }
        var s = v.GetString()!.Trim();
        if (s.Length == 0) { errors.Add("name_required"); return null; }
        if (s.Length > MaxName) { errors.Add("name_too_long"); return null; }
        if (s.Any(char.IsControl)) { errors.Add("name_invalid"); return null; }
        return s;
    }

    private static string? Role(Dictionary<string, JsonElement> present, List<string> errors)
    {
        if (IsAbsent(present, "role", out var v)) { errors.Add("role_required"); return null; }
        if (v.ValueKind == JsonValueKind.String && v.GetString() is { } s && CreatableRoles.Contains(s)) return s;
        errors.Add("role_invalid");
        return null;
    }

    private static string[]? ScopeList(Dictionary<string, JsonElement> present, List<string> errors)
    {
        if (IsAbsent(present, "scopes", out var v)) { errors.Add("scopes_required"); return null; }
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0
            || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !Scopes.All.Contains(e.GetString())))
        {
            errors.Add("scopes_invalid");
            return null;
        }
        // Stored in canonical order, once each.
        var given = v.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        return Scopes.All.Where(given.Contains).ToArray();
    }

    private static string? Environment(Dictionary<string, JsonElement> present, string callerEnvironment, List<string> errors)
    {
        if (IsAbsent(present, "environment", out var v)) return callerEnvironment;
        if (v.ValueKind == JsonValueKind.String && v.GetString() is { } s && ApiKeyMapper.Environments.Contains(s)) return s;
        errors.Add("environment_invalid");
        return null;
    }

}
