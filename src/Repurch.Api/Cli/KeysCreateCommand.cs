using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary><c>./run keys create</c>: a new API key, printed alone on stdout (and never again).</summary>
internal sealed class KeysCreateCommand : Command
{
    private readonly Option<string> _brand = new("--brand") { Description = "The brand the key belongs to.", HelpName = "brand_id", Required = true };

    private readonly Option<string> _role = new("--role") { Description = $"The key's role: {string.Join(", ", Roles.KeyRoles)}.", HelpName = string.Join('|', Roles.KeyRoles), Required = true };

    private readonly Option<string> _scopes = new("--scopes")
    {
        Description = "Comma-separated scopes: read, write.",
        HelpName = "read,write",
        DefaultValueFactory = _ => Scopes.Read,
    };

    private readonly Option<bool> _sandbox = new("--sandbox") { Description = "A sandbox key (re_pk_test_…) instead of a live one." };

    private readonly Option<string> _name = new("--name") { Description = "A label for the key.", HelpName = "name" };

    public KeysCreateCommand(IConfiguration config) : base("create", "Create an API key; prints it alone on stdout, once.")
    {
        _role.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } role && !Roles.KeyRoles.Contains(role)) r.AddError($"--role must be one of {string.Join(", ", Roles.KeyRoles)}");
        });
        _scopes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } s && ParseScopes(s) is [] or null) r.AddError("--scopes must be a comma-separated list of read, write");
        });
        Add(_brand);
        Add(_role);
        Add(_scopes);
        Add(_sandbox);
        Add(_name);
        SetAction(p => RunAsync(config, p.GetRequiredValue(_brand), p.GetRequiredValue(_role), ParseScopes(p.GetRequiredValue(_scopes))!,
            p.GetValue(_sandbox) ? Plane.Sandbox : Plane.Live, p.GetValue(_name)));
    }

    /// <summary>The distinct scopes, or null when one is unknown.</summary>
    private static string[]? ParseScopes(string value)
    {
        var scopes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return scopes.All(Scopes.All.Contains) ? scopes.Distinct().ToArray() : null;
    }

    private static async Task RunAsync(IConfiguration config, string brand, string role, string[] scopes, Plane plane, string? name)
    {
        await using var planes = new DataPlanes(config);
        await using var db = planes.Open(plane, brand);
        if (!await db.Brands.AnyAsync()) throw new UsageException($"brand '{brand}' does not exist on the {plane.ToString().ToLowerInvariant()} plane (create it with ./run brands create)");
        var key = await ApiKeyIssuer.CreateAsync(db, brand, plane, role, scopes, name);
        Console.Error.WriteLine($"created {(plane == Plane.Sandbox ? "sandbox" : "live")} {role} key for {brand} (shown once):");
        Console.WriteLine(key);
    }
}
