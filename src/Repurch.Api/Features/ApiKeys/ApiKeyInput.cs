using System.Text.Json;
using Repurch.Api.Authentication;
using Repurch.Api.Http;

namespace Repurch.Api.Features.ApiKeys;

/// <summary>A create request that passed field validation; whether the caller may grant it is checked separately.</summary>
public sealed record ApiKeyRequest(string Name, string Role, string[] Scopes, string Environment);

/// <summary>
/// Validates a create body field by field. Every failing field contributes its own code; the
/// request is returned only when there are none.
/// </summary>
public static class ApiKeyInput
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
        var r = new FieldReader(body, Fields, errors, creating: true);
        var name = r.Text("name", MaxName, FieldPresence.Required);
        var role = r.OneOf("role", CreatableRoles, FieldPresence.Required);
        var scopes = ScopeList(r);
        // Left out or null: a key for the caller's own environment.
        var environment = r.OneOf("environment", ApiKeyMapper.Environments);
        return errors.Count == 0 ? new ApiKeyRequest(name.Value!, role.Value!, scopes!, environment.Value ?? callerEnvironment) : null;
    }

    private static string[]? ScopeList(FieldReader r)
    {
        if (!r.TryValue<string[]>("scopes", FieldPresence.Required, out var v, out _)) return null;
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0
            || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !Scopes.All.Contains(e.GetString())))
        {
            r.Add("scopes_invalid");
            return null;
        }
        // Stored in canonical order, once each.
        var given = v.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        return Scopes.All.Where(given.Contains).ToArray();
    }
}
