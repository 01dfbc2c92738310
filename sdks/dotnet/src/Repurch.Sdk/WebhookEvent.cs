using System.Text.Json;

namespace Repurch.Sdk;

/// <summary>A verified delivery: the event's id and type, and the whole event as the API sent it.</summary>
public sealed record WebhookEvent(string Id, string Type, string? CreatedAt, JsonElement Json)
{
    /// <summary>The event's <c>data</c> (for most types <c>data.object</c> is the resource), when present.</summary>
    public JsonElement? Data => Json.TryGetProperty("data", out var data) ? data : null;
}
