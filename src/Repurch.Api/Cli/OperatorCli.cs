using System.CommandLine;
using System.CommandLine.Help;

namespace Repurch.Api.Cli;

/// <summary>
/// The binary's command line: <c>serve</c> (the default), and the operator commands <c>migrate</c>,
/// <c>seed</c>, <c>brands create</c>, <c>keys create</c>, <c>accounts set-password</c> and <c>flags set|list</c>. A mistake (unknown command or option,
/// missing option or value) prints the error and the command's usage on stderr and exits 2, and
/// never starts the server. The commands are internal: a public subclass of Command (a non-generic
/// IEnumerable) trips CA1010.
/// </summary>
public static class OperatorCli
{
    public const int UsageExitCode = 2;

    public static RootCommand Build(IConfiguration config)
    {
        var serve = new ServeCommand();
        var root = new RootCommand("Repurch API: serves the API, or runs an operator command of the same binary.")
        {
            serve,
            new MigrateCommand(config),
            new SeedCommand(config),
            new Command("brands", "Manage brands.") { new BrandsCreateCommand(config) },
            new Command("keys", "Manage API keys.") { new KeysCreateCommand(config) },
            new Command("accounts", "Manage consumer accounts.") { new AccountsSetPasswordCommand(config) },
            new Command("flags", "Switch per-brand feature flags.") { new FlagsSetCommand(config), new FlagsListCommand(config) },
        };
        root.Add(new HelpCommand(root));
        root.HelpName = "./run";
        // No arguments: serve, as ./run always has.
        root.Action = serve.Action;
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        // No @file response files: an argument is what the operator typed.
        var parsed = Build(config).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}");
            await Console.Error.WriteLineAsync(Usage(parsed.CommandResult.Command));
            return UsageExitCode;
        }
        try
        {
            // The web host handles SIGINT/SIGTERM itself, and exceptions reach Program (StartupException) or the catch below.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync(Usage(parsed.CommandResult.Command));
            return UsageExitCode;
        }
    }

    /// <summary>One line: <c>usage: ./run keys create --brand &lt;brand_id&gt; [--name &lt;name&gt;] … (--help for more)</c>.</summary>
    public static string Usage(Command command)
    {
        var path = string.Join(' ', Lineage(command).Where(c => c is not RootCommand).Select(c => c.Name));
        var parts = new List<string> { "usage: ./run" };
        if (path.Length > 0) parts.Add(path);
        if (command.Subcommands.Count > 0)
        {
            var names = string.Join('|', command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            // A command that runs alone (the root serves) takes its subcommand optionally.
            parts.Add(command.Action is null ? $"<{names}>" : $"[{names}]");
        }
        foreach (var o in command.Options.Where(o => !o.Hidden && o is not HelpOption && o is not VersionOption))
        {
            var text = o.ValueType == typeof(bool) ? o.Name : $"{o.Name} <{o.HelpName ?? o.Name.TrimStart('-')}>";
            parts.Add(o.Required ? text : $"[{text}]");
        }
        parts.Add($"(./run {(path.Length > 0 ? path + " " : "")}--help for more)");
        return string.Join(' ', parts);
    }

    /// <summary>The command and its ancestors, root first.</summary>
    private static IEnumerable<Command> Lineage(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? Lineage(parent).Append(command) : [command];
}
