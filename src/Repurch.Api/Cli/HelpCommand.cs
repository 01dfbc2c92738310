using System.CommandLine;

namespace Repurch.Api.Cli;

/// <summary><c>./run help</c>: the same list of commands as <c>./run --help</c>.</summary>
internal sealed class HelpCommand : Command
{
    public HelpCommand(RootCommand root) : base("help", "List the commands (./run <command> --help describes one).")
    {
        SetAction(p => root.Parse(["--help"], p.Configuration).Invoke(p.InvocationConfiguration));
    }
}
