using System.CommandLine;

namespace Repurch.Api.Cli;

/// <summary><c>./run migrate</c>: the schema of both planes brought up to date.</summary>
internal sealed class MigrateCommand : Command
{
    public MigrateCommand(IConfiguration config) : base("migrate", "Apply pending database migrations to the live and sandbox planes.")
    {
        SetAction((_, ct) => SchemaMigrator.MigrateAsync(config, Console.Error, ct));
    }
}
