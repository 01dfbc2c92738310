using DnsClient;

namespace Repurch.Api.Features.Settings;

/// <summary>TXT records through the system's resolvers (DnsClient), uncached so a new record counts at once.</summary>
public sealed class DnsTxtLookup(ILogger<DnsTxtLookup> log) : IDomainTxtLookup
{
    private readonly LookupClient _client = new(new LookupClientOptions { UseCache = false, Timeout = TimeSpan.FromSeconds(3), Retries = 1, ThrowDnsErrors = false });

    public async Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct)
    {
        try
        {
            var answer = await _client.QueryAsync(name, QueryType.TXT, cancellationToken: ct);
            return answer.Answers.TxtRecords().Select(r => string.Concat(r.Text)).ToList();
        }
        catch (DnsResponseException e)
        {
            log.LogWarning("TXT lookup for {Name} failed: {Reason}", name, e.Message);
            return [];
        }
    }
}
