using System.Reflection;
using Repurch.Api.Cli;
using Repurch.Api.Persistence;

try
{
    // Called by another program's host (WebApplicationFactory, dotnet ef through HostFactoryResolver):
    // its args are host configuration (--contentRoot=…, --environment=…) and it wants the web host.
    if (Assembly.GetEntryAssembly() != typeof(Program).Assembly) return await ServeCommand.RunAsync(args);
    return await OperatorCli.RunAsync(args);
}
catch (StartupException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

public partial class Program;
