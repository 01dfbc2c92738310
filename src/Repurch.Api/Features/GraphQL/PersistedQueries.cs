using System.Security.Cryptography;
using System.Text;

namespace Repurch.Api.Features.GraphQL;

/// <summary>
/// Queries registered in <c>Features/GraphQL/PersistedQueries/*.graphql</c> (embedded at build), found
/// by the SHA-256 of their text (lower-case hex). Clients send the hash instead of the query; nothing
/// is registered at run time, so the endpoint never stores what a caller sends.
/// </summary>
public sealed class PersistedQueries
{
    private readonly Dictionary<string, string> byHash = new(StringComparer.Ordinal);

    public PersistedQueries()
    {
        var assembly = typeof(PersistedQueries).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Repurch.Api.GraphQL.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var text = reader.ReadToEnd();
            byHash[Hash(text)] = text;
            Names[name["Repurch.Api.GraphQL.".Length..]] = Hash(text);
        }
    }

    /// <summary>File name to hash, for the docs and tests.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public string? Find(string hash) => byHash.GetValueOrDefault(hash.ToLowerInvariant());

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
