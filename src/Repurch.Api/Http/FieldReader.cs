using System.Text.Json;

namespace Repurch.Api.Http;

/// <summary>
/// Reads the fields of a parsed JSON object (a request body, or an object inside one) with the
/// rules every endpoint shares, so a field means the same thing wherever it is sent:
/// <list type="bullet">
/// <item>a name the endpoint does not know is <c>&lt;name&gt;_unknown</c> (<c>unknown_field</c> when it is
/// not a plain identifier, so hostile names are never echoed), and a name sent twice is
/// <c>&lt;name&gt;_duplicate</c>, so an ambiguous body is never half-understood;</item>
/// <item>a value of the wrong JSON type is <c>&lt;name&gt;_invalid</c>, as is any other value the field cannot take;</item>
/// <item>text is trimmed, blank text reads as <c>null</c>, and lengths count characters (Unicode
/// scalar values, as PostgreSQL counts <c>varchar(n)</c>): <c>&lt;name&gt;_too_long</c>;</item>
/// <item><c>null</c> follows <see cref="FieldPresence"/>: it clears an optional field, is
/// <c>&lt;name&gt;_required</c> for a required one and <c>&lt;name&gt;_invalid</c> for one that cannot be empty.</item>
/// </list>
/// A nested object's fields are named with its path joined by <c>_</c> (<c>buyer.email</c> is
/// <c>buyer_email_…</c>), as <see cref="JsonBody"/>'s control-character rule names them. Codes
/// accumulate, once each, in <see cref="Errors"/>, which becomes <c>data.errors</c> of a <c>validation_failed</c>.
/// </summary>
public sealed class FieldReader
{
    private readonly Dictionary<string, JsonElement> present = new(StringComparer.Ordinal);
    private readonly string prefix;

    /// <param name="body">A JSON object.</param>
    /// <param name="allowed">The field names this object may have.</param>
    /// <param name="errors">Where codes go; shared with a nested object's reader and with the endpoint's own checks.</param>
    /// <param name="creating">A create: a <see cref="FieldPresence.Required"/> field left out is <c>&lt;name&gt;_required</c>.</param>
    public FieldReader(JsonElement body, IReadOnlyCollection<string> allowed, List<string>? errors = null, bool creating = false)
        : this(body, allowed, errors ?? [], creating, "")
    {
    }

    private FieldReader(JsonElement body, IReadOnlyCollection<string> allowed, List<string> errors, bool creating, string prefix)
    {
        Errors = errors;
        Creating = creating;
        this.prefix = prefix;
        foreach (var p in body.EnumerateObject())
        {
            string name;
            try
            {
                name = p.Name;
            }
            catch (InvalidOperationException)
            {
                // A property name with an unpaired surrogate escape cannot be read as text.
                Add("unknown_field");
                continue;
            }
            if (!allowed.Contains(name)) Add(FieldFormats.UnknownFieldCode(prefix + name));
            else if (!present.TryAdd(name, p.Value)) Add(Code(name, "duplicate"));
        }
    }

    private FieldReader(FieldReader other, List<string> errors)
    {
        present = other.present;
        prefix = other.prefix;
        Creating = other.Creating;
        Errors = errors;
    }

    public List<string> Errors { get; }

    /// <summary>The same fields, their codes going to <paramref name="errors"/> (to report some fields' codes in another order).</summary>
    public FieldReader Into(List<string> errors) => new(this, errors);

    public bool Creating { get; }

    /// <summary>Known fields the object has.</summary>
    public int Count => present.Count;

    public bool Has(string name) => present.ContainsKey(name);

    public bool TryGet(string name, out JsonElement value) => present.TryGetValue(name, out value);

    /// <summary>Sent as <c>null</c>.</summary>
    public bool IsNull(string name) => present.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Null;

    /// <summary>The code <c>&lt;path&gt;_&lt;suffix&gt;</c> for a field of this object.</summary>
    public string Code(string name, string suffix) => $"{prefix}{name}_{suffix}";

    /// <summary>Adds <paramref name="code"/> unless it is there already.</summary>
    public void Add(string code)
    {
        if (!Errors.Contains(code)) Errors.Add(code);
    }

    /// <summary>Adds <c>&lt;name&gt;_&lt;suffix&gt;</c> and returns a failed read.</summary>
    public FieldValue<T> Fail<T>(string name, string suffix = "invalid")
    {
        Add(Code(name, suffix));
        return Failed<T>();
    }

    /// <summary>
    /// The field's value when it is sent with one; otherwise the answer for a field left out or
    /// sent as <c>null</c> under <paramref name="presence"/> (<paramref name="value"/> is then unset).
    /// </summary>
    public bool TryValue<T>(string name, FieldPresence presence, out JsonElement value, out FieldValue<T> answer)
    {
        answer = default;
        if (!present.TryGetValue(name, out value))
        {
            answer = presence == FieldPresence.Required && Creating ? Missing<T>(name) : Absent<T>();
            return false;
        }
        if (value.ValueKind != JsonValueKind.Null) return true;
        answer = Empty<T>(name, presence);
        return false;
    }

    /// <summary>
    /// Text of at most <paramref name="max"/> characters, trimmed; blank reads as <c>null</c>.
    /// Control characters are <c>&lt;name&gt;_invalid</c> (TAB, LF and CR are allowed when <paramref name="multiline"/>).
    /// </summary>
    public FieldValue<string> Text(string name, int max, FieldPresence presence = FieldPresence.Optional, bool multiline = false)
    {
        if (!TryValue<string>(name, presence, out var v, out var answer)) return answer;
        if (v.ValueKind != JsonValueKind.String) return Fail<string>(name);
        string s;
        try
        {
            s = v.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // Unpaired UTF-16 surrogate escapes ("\ud800"): not text a database can store.
            return Fail<string>(name);
        }
        if (s.Length == 0) return Empty<string>(name, presence);
        foreach (var c in s)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) return Fail<string>(name);
        }
        if (FieldFormats.Length(s) > max) return Fail<string>(name, "too_long");
        return Of<string>(s);
    }

    /// <summary>Text run through <paramref name="format"/>, which owns the length limit: every refusal is <c>&lt;name&gt;_invalid</c>.</summary>
    public FieldValue<string> Formatted(string name, Func<string, string?> format, FieldPresence presence = FieldPresence.Optional)
    {
        var text = Text(name, int.MaxValue, presence);
        if (!text.Set || text.Value is null) return text;
        return format(text.Value) is { } formatted ? Of<string>(formatted) : Fail<string>(name);
    }

    /// <summary>One of <paramref name="allowed"/>, exactly as written there.</summary>
    public FieldValue<string> OneOf(string name, IReadOnlyCollection<string> allowed, FieldPresence presence = FieldPresence.Optional)
    {
        if (!TryValue<string>(name, presence, out var v, out var answer)) return answer;
        return v.ValueKind == JsonValueKind.String && v.GetString() is { } s && allowed.Contains(s)
            ? Of<string>(s)
            : Fail<string>(name);
    }

    /// <summary><c>true</c> or <c>false</c>; a flag has no empty state, so <c>null</c> is <c>&lt;name&gt;_invalid</c>.</summary>
    public FieldValue<bool> Bool(string name)
    {
        if (!TryValue<bool>(name, FieldPresence.NotNull, out var v, out var answer)) return answer;
        return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? Of<bool>(v.GetBoolean()) : Fail<bool>(name);
    }

    /// <summary>A JSON integer from <paramref name="min"/> to <paramref name="max"/> (a string of digits is not one).</summary>
    public FieldValue<long> WholeNumber(string name, long min, long max, FieldPresence presence = FieldPresence.NotNull)
    {
        if (!TryValue<long>(name, presence, out var v, out var answer)) return answer;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= min && n <= max
            ? Of<long>(n)
            : Fail<long>(name);
    }

    /// <summary>
    /// A nested object, read by its own reader whose codes carry this field's name
    /// (<c>buyer</c>'s <c>email</c> is <c>buyer_email_…</c>); null when it is not sent as an object.
    /// </summary>
    public FieldReader? Nested(string name, IReadOnlyCollection<string> allowed, FieldPresence presence = FieldPresence.Optional)
    {
        if (!TryValue<bool>(name, presence, out var v, out _)) return null;
        if (v.ValueKind != JsonValueKind.Object)
        {
            Add(Code(name, "invalid"));
            return null;
        }
        return new FieldReader(v, allowed, Errors, Creating || presence == FieldPresence.Required, $"{prefix}{name}_");
    }

    private static FieldValue<T> Of<T>(T? value) => new(true, true, value);

    private static FieldValue<T> Failed<T>() => new(true, false, default);

    private static FieldValue<T> Absent<T>() => new(false, true, default);

    private FieldValue<T> Missing<T>(string name) => Fail<T>(name, "required");

    private FieldValue<T> Empty<T>(string name, FieldPresence presence) => presence switch
    {
        FieldPresence.Optional => Of<T>(default),
        FieldPresence.Required => Fail<T>(name, "required"),
        _ => Fail<T>(name),
    };
}
