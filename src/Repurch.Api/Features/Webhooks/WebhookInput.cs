using System.Text.Json;
using Repurch.Api.Http;
using Repurch.Api.EventDelivery;

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
    public static List<string> Parse(JsonElement body, bool creating, WebhookUrlGuard guard, out WebhookEndpointChanges changes)
    {
        changes = new WebhookEndpointChanges();
        var errors = new List<string>();
        foreach (var field in body.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "url":
                    if (v.ValueKind != JsonValueKind.String) { errors.Add("url_invalid"); break; }
                    var url = v.GetString()!.Trim();
                    if (url.Length == 0) { errors.Add("url_required"); break; }
                    if (guard.Check(url) is { } code) { errors.Add(code); break; }
                    changes.Url = url;
                    break;
                case "description":
                    changes.HasDescription = true;
                    if (v.ValueKind == JsonValueKind.Null) break;
                    if (v.ValueKind != JsonValueKind.String) { errors.Add("description_invalid"); break; }
                    var text = v.GetString()!.Trim();
                    if (text.Length > 500) errors.Add("description_too_long");
                    else changes.Description = text.Length == 0 ? null : text;
                    break;
                case "event_types":
                    if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0
                        || v.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String
                            || (t.GetString() != WebhookEventTypes.All && !WebhookEventTypes.Known.Contains(t.GetString()))))
                    {
                        errors.Add("event_types_invalid");
                        break;
                    }
                    changes.EventTypes = v.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
                    break;
                case "enabled":
                    if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) changes.Enabled = v.GetBoolean();
                    else errors.Add("enabled_invalid");
                    break;
                case "ordered":
                    if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) changes.Ordered = v.GetBoolean();
                    else errors.Add("ordered_invalid");
                    break;
                default:
                    errors.Add(FieldFormats.UnknownFieldCode(field.Name));
                    break;
            }
        }
        if (creating && changes.Url is null && !errors.Any(e => e.StartsWith("url_", StringComparison.Ordinal))) errors.Add("url_required");
        return errors;
    }
}
