using System.Text.RegularExpressions;

namespace Repurch.Api.Configuration;

/// <summary>
/// An area's settings, read from configuration one way for both paths: the host registers it with
/// <see cref="BoundOptionsSetup.AddBoundOptions{T}"/> (checked at startup), and code outside DI (the
/// operator CLI) calls <see cref="Bind{T}"/>, which applies the same reading and the same checks.
/// </summary>
public abstract partial class BoundOptions
{
    private readonly List<string> _unreadable = [];

    /// <summary>Reads this area's settings (the names in the README's configuration table).</summary>
    public void Read(IConfiguration config)
    {
        _unreadable.Clear();
        Load(config);
    }

    /// <summary>Every wrong setting, one line each, naming it and what is wrong; empty when all are fine.</summary>
    public IReadOnlyList<string> Problems() => _unreadable.Count > 0 ? [.. _unreadable] : [.. Check()];

    protected abstract void Load(IConfiguration config);

    /// <summary>Rules on the values read; a value that did not parse is reported instead.</summary>
    protected virtual IEnumerable<string> Check() => [];

    /// <summary>Binds a configuration section onto this object; a value of the wrong type becomes a problem, not an exception.</summary>
    protected void BindSection(IConfiguration config, string section)
    {
        try
        {
            config.GetSection(section).Bind(this);
        }
        catch (InvalidOperationException e)
        {
            // The binder says "Failed to convert configuration value '…' at 'Money:AutoReleaseDays' to type 'System.Double'".
            var match = BinderMessage().Match(e.Message);
            _unreadable.Add(match.Success
                ? $"{match.Groups["path"].Value}: '{config[match.Groups["path"].Value]}' is not a valid {Friendly(match.Groups["type"].Value)}."
                : $"{section}: {e.Message}");
        }
    }

    /// <summary>Records a value that could not be read (for settings read by hand rather than bound).</summary>
    protected void Unreadable(string problem) => _unreadable.Add(problem);

    /// <summary>The setting as a trimmed string, or null when unset or blank.</summary>
    protected static string? Text(IConfiguration config, string name) =>
        string.IsNullOrWhiteSpace(config[name]) ? null : config[name]!.Trim();

    /// <summary>A problem line when <paramref name="value"/> is set and not an absolute http(s) URL.</summary>
    protected static string? NotHttpUrl(string name, string? value) =>
        value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            ? null
            : $"{name}: '{value}' is not an absolute http or https URL.";

    /// <summary>Reads and checks <typeparamref name="T"/> outside DI; a wrong setting throws one <see cref="Persistence.StartupException"/> line.</summary>
    public static T Bind<T>(IConfiguration config) where T : BoundOptions, new()
    {
        var options = new T();
        options.Read(config);
        return Checked(options);
    }

    /// <summary><paramref name="options"/>, or a <see cref="Persistence.StartupException"/> listing what is wrong with them.</summary>
    public static T Checked<T>(T options) where T : BoundOptions => options.Problems() is { Count: > 0 } problems
        ? throw new Persistence.StartupException(string.Join(" ", problems))
        : options;

    private static string Friendly(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" or "System.Decimal" => "number",
        "System.Boolean" => "boolean (true or false)",
        "System.TimeSpan" => "duration (hh:mm:ss)",
        _ => type,
    };

    [GeneratedRegex("at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
