using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Features.Accounts;
using Repurch.Api.Features.Audit;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary>
/// <c>./run accounts set-password --brand &lt;b&gt; --email &lt;e&gt;</c>: sets a consumer account's password,
/// read from the first line of stdin (never an argument, so it stays out of shell history and process
/// lists), under the sign-up rules; every session of the account is signed out. Prints the account id.
/// </summary>
internal sealed class AccountsSetPasswordCommand : Command
{
    public const int RefusedExitCode = 1;

    private readonly Option<string> _brand = new("--brand") { Description = "The account's brand.", HelpName = "brand_id", Required = true };

    private readonly Option<string> _email = new("--email") { Description = "The account's email (matched as sign-in matches it).", HelpName = "email", Required = true };

    private readonly Option<bool> _sandbox = new("--sandbox") { Description = "An account on the sandbox plane instead of live." };

    public AccountsSetPasswordCommand(IConfiguration config)
        : base("set-password", "Set a consumer account's password, read from stdin (e.g. for a demo seller); signs its sessions out.")
    {
        Add(_brand);
        Add(_email);
        Add(_sandbox);
        SetAction((p, ct) => RunAsync(config, p.GetRequiredValue(_brand), p.GetRequiredValue(_email), p.GetValue(_sandbox) ? Plane.Sandbox : Plane.Live, ct));
    }

    private static async Task<int> RunAsync(IConfiguration config, string brand, string emailText, Plane plane, CancellationToken ct)
    {
        var email = EmailAddresses.Normalise(emailText) ?? throw new UsageException($"--email '{emailText}' is not an email address");
        if (!Console.IsInputRedirected) await Console.Error.WriteAsync("new password (one line): ");
        var line = await Console.In.ReadLineAsync(ct);
        // The line as typed: only the line break goes (spaces are characters of a password).
        if (string.IsNullOrEmpty(line)) throw new UsageException("no password on stdin (send it as the first line)");
        if (line.Length > PasswordPolicy.MaxLength * 4 || line.Any(char.IsControl)) return Refused($"the password is not acceptable: {PasswordPolicy.TooLong}");
        var password = PasswordPolicy.Normalise(line);

        await using var planes = new DataPlanes(config);
        await using var db = planes.Open(plane, brand);
        if (!await db.Brands.AnyAsync(ct)) throw new UsageException($"brand '{brand}' does not exist on the {plane.ToString().ToLowerInvariant()} plane");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await Locks.LockRows<Account>(db, $"email = {email}").AsTracking().FirstOrDefaultAsync(ct);
        if (account is null) return Refused($"no account with email {email} under {brand} ({plane.ToString().ToLowerInvariant()})");
        if (await PasswordChanges.RefusalAsync(db, brand, account.Email, password, ct) is { } refusal) return Refused($"the password is not acceptable: {refusal}");

        var revoked = await PasswordChanges.SetAsync(db, account, password, new AccountPasswords(), keep: null, DateTimeOffset.UtcNow, ct);
        await AuditLog.RecordForBrandAsync(db, brand, null, "account.password_set", account.Id, new Dictionary<string, FieldChange>
        {
            ["password"] = new(null, "set by an operator"),
            ["sessions_revoked"] = new(null, revoked.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }, TimeProvider.System, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await Console.Error.WriteLineAsync($"password set for {account.Email} ({brand}, {plane.ToString().ToLowerInvariant()}); its sessions are signed out");
        Console.WriteLine(account.Id);
        return 0;
    }

    private static int Refused(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return RefusedExitCode;
    }
}
