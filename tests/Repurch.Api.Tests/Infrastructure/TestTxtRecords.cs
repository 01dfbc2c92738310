using System.Collections.Concurrent;
using Repurch.Api.Features.Settings;

namespace Repurch.Api.Tests.Infrastructure;

/// <summary>
/// DNS TXT records as the in-process API sees them: what tests publish with <see cref="Publish"/>, for
/// names under <c>.test</c> (a reserved TLD, so no real zone is ever asked); nothing for any other name.
/// </summary>
public sealed class TestTxtRecords : IDomainTxtLookup
{
    private static readonly ConcurrentDictionary<string, string[]> Records = new(StringComparer.OrdinalIgnoreCase);

    public static void Publish(string name, params string[] values) => Records[name] = values;

    public Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>(Records.TryGetValue(name, out var values) ? values : []);
}
