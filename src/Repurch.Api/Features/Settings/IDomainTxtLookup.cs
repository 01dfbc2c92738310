namespace Repurch.Api.Features.Settings;

/// <summary>Reads a name's DNS TXT records: the seam domain verification goes through (tests answer for DNS).</summary>
public interface IDomainTxtLookup
{
    /// <summary>The record strings at <paramref name="name"/>; none when the name has none or DNS cannot answer.</summary>
    Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct);
}
