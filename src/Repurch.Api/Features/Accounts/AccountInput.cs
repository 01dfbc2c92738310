using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Accounts;

/// <summary>
/// Reads account bodies. Text fields follow <see cref="FieldReader"/>'s rules; a password is taken
/// exactly as sent (never trimmed: spaces are characters), then NFKC-normalised, and must be a JSON
/// string of valid UTF-16.
/// </summary>
public static class AccountInput
{
    public const int MaxDisplayName = 100;
    public static readonly string[] SignUpFields = ["email", "password", "display_name"];
    public static readonly string[] SignInFields = ["email", "password"];
    public static readonly string[] UpdateFields = ["display_name", "password", "current_password"];

    /// <summary>Sign-up fields; the password still needs <see cref="PasswordPolicy.Check"/> against the email and brand.</summary>
    public static (string? Email, string? Password, string? DisplayName) ReadSignUp(JsonElement root, List<string> errors)
    {
        var r = new FieldReader(root, SignUpFields, errors, creating: true);
        var email = Email(r, "email", FieldPresence.Required);
        var password = Password(r, "password", FieldPresence.Required);
        var name = r.Text("display_name", MaxDisplayName, FieldPresence.Required).Value;
        return (email, password, name);
    }

    /// <summary>Sign-in fields. Only the shape is checked: a wrong address is just a failed sign-in.</summary>
    public static (string? Email, string? Password) ReadSignIn(JsonElement root, List<string> errors)
    {
        var r = new FieldReader(root, SignInFields, errors, creating: true);
        var email = r.Text("email", 1024, FieldPresence.Required);
        var password = Password(r, "password", FieldPresence.Required, checkLength: false);
        return (email.Value is { } e ? EmailAddresses.Normalise(e) ?? e.ToLowerInvariant() : null, password);
    }

    /// <summary>
    /// <c>PATCH /v1/me</c> fields: a new <c>display_name</c> (not null), a new <c>password</c> (length
    /// checked here, the rest by <see cref="PasswordPolicy.Check"/>) that needs <c>current_password</c>.
    /// </summary>
    public static (string? DisplayName, string? Password, string? CurrentPassword) ReadUpdate(JsonElement root, List<string> errors)
    {
        var r = new FieldReader(root, UpdateFields, errors);
        var name = r.Text("display_name", MaxDisplayName, FieldPresence.NotNull).Value;
        var password = Password(r, "password", FieldPresence.NotNull);
        var current = Password(r, "current_password", FieldPresence.NotNull, checkLength: false);
        if (r.Has("password") && !r.Has("current_password")) r.Add(r.Code("current_password", "required"));
        return (name, password, current);
    }

    /// <summary>An email address, normalised (<see cref="EmailAddresses"/>): <c>_invalid</c>, <c>_too_long</c>.</summary>
    public static string? Email(FieldReader r, string name, FieldPresence presence)
    {
        var text = r.Text(name, EmailAddresses.MaxLength, presence);
        if (!text.Set || text.Value is null) return null;
        var normalised = EmailAddresses.Normalise(text.Value);
        if (normalised is null) r.Add(r.Code(name, "invalid"));
        return normalised;
    }

    /// <summary>
    /// A password as sent, NFKC-normalised: <c>_required</c>, <c>_invalid</c> (not a string, or not
    /// valid text), and when <paramref name="checkLength"/> <c>password_too_short</c> / <c>password_too_long</c>.
    /// </summary>
    public static string? Password(FieldReader r, string name, FieldPresence presence, bool checkLength = true)
    {
        if (!r.TryValue<string>(name, presence, out var v, out _)) return null;
        if (v.ValueKind != JsonValueKind.String) return r.Fail<string>(name).Value;
        string raw;
        try
        {
            raw = v.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return r.Fail<string>(name).Value;
        }
        if (raw.Length == 0)
        {
            r.Add(r.Code(name, "required"));
            return null;
        }
        // A bound before normalising: NFKC can expand text, and a megabyte password is no password.
        if (raw.Length > PasswordPolicy.MaxLength * 4)
        {
            if (checkLength) r.Add(PasswordPolicy.TooLong);
            else r.Add(r.Code(name, "invalid"));
            return null;
        }
        if (raw.Any(char.IsControl)) return r.Fail<string>(name).Value;
        var password = PasswordPolicy.Normalise(raw);
        if (checkLength)
        {
            var length = FieldFormats.Length(password);
            if (length < PasswordPolicy.MinLength) { r.Add(PasswordPolicy.TooShort); return null; }
            if (length > PasswordPolicy.MaxLength) { r.Add(PasswordPolicy.TooLong); return null; }
        }
        return password;
    }
}
