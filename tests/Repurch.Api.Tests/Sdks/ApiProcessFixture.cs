using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Sdks;

/// <summary>One real API process (as ./run serves it) shared by a test class's snippets, killed after them.</summary>
public sealed class ApiProcessFixture : IAsyncLifetime
{
    private ApiProcess? _api;

    public ApiProcess Api => _api ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await ApiFactory.EnsureMigratedAsync();
        _api = await ApiProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }
}
