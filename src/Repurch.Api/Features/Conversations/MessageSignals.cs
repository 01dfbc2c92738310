using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Conversations;

/// <summary>A message's screening signals as stored (jsonb <c>[{type, start, end}]</c>) and shown.</summary>
public static class MessageSignals
{
    public static IReadOnlyList<MessageSignalView> Read(string json) =>
        JsonSerializer.Deserialize<List<MessageSignalView>>(json, Http.Json.Options) ?? [];

    public static string Write(IEnumerable<MessageSignalView> signals) => JsonSerializer.Serialize(signals, Http.Json.Options);
}
