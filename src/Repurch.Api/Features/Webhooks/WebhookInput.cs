using System.Text.Json;
using Repurch.Api.EventDelivery;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Webhooks;

/// <summary>The fields of an endpoint create or update, each present only when the body set it.</summary>
public sealed class WebhookEndpointChanges
{
    public string? Url { get; set; }
    public bool HasDescription { get; set; }
    public string? Description { get; set; }
    public string[]? EventTypes { get; set; }
    public bool? Enabled { get; set; }
    public bool? Ordered { get; set; }
}

public static class WebhookInput
{
    public const int MaxDescription = 500;

    private static readonly string[] Fields = ["url", "description", "event_types", "enabled", "ordered"];

    public static List<string> Parse(JsonElement body, bool creating, WebhookUrlGuard guard, out WebhookEndpointChanges changes)
    {
        changes = new WebhookEndpointChanges();
        var r = new FieldReader(body, Fields);
        // An endpoint always has a URL: null or blank is url_required, on create and update alike.
        if (r.Text("url", int.MaxValue, FieldPresence.Required, multiline: true) is { Set: true, Value: { } url })
        {
            if (guard.Check(url) is { } code) r.Add(code);
            else changes.Url = url;
        }
        if (r.Text("description", MaxDescription, multiline: true) is { Set: true } description)
        {
            changes.HasDescription = true;
            changes.Description = description.Value;
        }
        if (r.TryValue<string[]>("event_types", FieldPresence.NotNull, out var v, out _))
        {
            if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0
                || v.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String
                    || (t.GetString() != WebhookEventTypes.All && !WebhookEventTypes.Known.Contains(t.GetString()))))
            {
                r.Add("event_types_invalid");
            }
            else changes.EventTypes = v.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
        }
        if (r.Bool("enabled") is { Set: true } enabled) changes.Enabled = enabled.Value;
        if (r.Bool("ordered") is { Set: true } ordered) changes.Ordered = ordered.Value;
        var errors = r.Errors;
        if (creating && changes.Url is null && !errors.Any(e => e.StartsWith("url_", StringComparison.Ordinal))) errors.Add("url_required");
        return errors;
    }
}
