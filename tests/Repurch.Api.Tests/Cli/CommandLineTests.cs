using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Repurch.Api.Cli;
using Repurch.Api.Tests.RateLimiting;

namespace Repurch.Api.Tests.Cli;

/// <summary>The command line itself: mistakes exit 2 with the usage line and never serve; every command has --help.</summary>
public sealed class CommandLineTests
{
    private static void AssertUsageError(CliProcess.Result result, string mentions)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.TrimEnd().Split('\n');
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(mentions, result.Stderr);
        Assert.StartsWith("usage: ./run", lines[^1]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_command_exits_2_with_the_usage_at_once_and_never_serves()
    {
        // Were it to serve, it would listen here until killed.
        var port = RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await CliProcess.RunAsync(["users", "create", "--id", "x"], TimeSpan.FromSeconds(30),
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["PORT"] = port });

        AssertUsageError(result, "'users'");
        Assert.Contains("usage: ./run [serve|migrate|seed|brands|keys|accounts|flags|help]", result.Stderr);
    }

    [Theory]
    [InlineData("'--bogus'", "brands", "create", "--id", "some-brand", "--name", "y", "--bogus", "z")]
    [InlineData("'--bogus'", "keys", "create", "--brand", "furniture-co", "--role", "admin", "--bogus")]
    [InlineData("'--bogus'", "serve", "--bogus")]
    [InlineData("'--bogus'", "--bogus")]
    [InlineData("'extra'", "migrate", "extra")]
    [InlineData("'--brand'", "keys", "create", "--role", "admin", "--scopes", "read")]
    [InlineData("'--id'", "brands", "create", "--name", "No id")]
    [InlineData("'--brand'", "keys", "create", "--role", "admin", "--brand")]
    [InlineData("'--scopes'", "keys", "create", "--brand", "furniture-co", "--role", "admin", "--scopes")]
    [InlineData("Required command", "keys")]
    public async Task A_mistake_exits_2_with_the_error_and_the_usage_line(string mentions, params string[] args)
    {
        AssertUsageError(await CliProcess.RunAsync(args), mentions);
    }

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, (path + " " + sub.Name).Trim());
        }
        Walk(OperatorCli.Build(new ConfigurationBuilder().Build()), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_naming_its_options_and_subcommands(string path)
    {
        var command = Find(path);
        var result = await CliProcess.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Contains($"./run {path}".TrimEnd(), result.Stdout);
        Assert.All(command.Options, o => Assert.Contains(o.Name, result.Stdout));
        Assert.All(command.Subcommands, c => Assert.Contains(c.Name, result.Stdout));
    }

    [Fact]
    public async Task Help_lists_the_commands_as_the_help_option_does()
    {
        var help = await CliProcess.RunAsync(["help"]);
        var option = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, help.Exit);
        Assert.Equal(option.Stdout, help.Stdout);
        foreach (var name in new[] { "serve", "migrate", "seed", "brands", "keys", "accounts", "help" }) Assert.Contains($"  {name} ", help.Stdout);
    }

    private static Command Find(string path)
    {
        Command command = OperatorCli.Build(new ConfigurationBuilder().Build());
        foreach (var name in path.Split(' ', StringSplitOptions.RemoveEmptyEntries)) command = command.Subcommands.Single(c => c.Name == name);
        return command;
    }
}
