using Repurch.Api;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;

try
{
    if (args.Length > 0 && OperatorCli.Handles(args[0]))
    {
        return await OperatorCli.RunAsync(args);
    }
    var app = RepurchApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

public partial class Program;
