using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Disputes;

/// <summary>Field validation of the dispute bodies; every failing field adds its code.</summary>
public static class DisputeInput
{
    public const int MaxText = 4000;
    public const int MaxPhotos = 10;

    public static readonly string[] OpenFields = ["reason", "text"];
    public static readonly string[] MessageFields = ["text", "photo_ids"];
    public static readonly string[] ResolveFields = ["outcome", "amount_gbp"];

    public sealed record Open(string Reason, string Text);
    public sealed record Message(string Text, long[] PhotoIds);
    public sealed record Resolve(string Outcome, decimal? Amount);

    public static Open? ReadOpen(JsonElement body, List<string> errors)
    {
        var r = new FieldReader(body, OpenFields, errors, creating: true);
        var reason = r.OneOf("reason", DisputeStates.Reasons, FieldPresence.Required);
        var text = r.Text("text", MaxText, FieldPresence.Required, multiline: true);
        return errors.Count == 0 ? new Open(reason.Value!, text.Value!) : null;
    }

    public static Message? ReadMessage(JsonElement body, List<string> errors)
    {
        var r = new FieldReader(body, MessageFields, errors, creating: true);
        var text = r.Text("text", MaxText, FieldPresence.Required, multiline: true);
        long[] photos = [];
        if (r.TryValue<long[]>("photo_ids", FieldPresence.Optional, out var v, out _))
        {
            if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > MaxPhotos
                || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var id) || id < 1))
                r.Add("photo_ids_invalid");
            else
                photos = [.. v.EnumerateArray().Select(e => e.GetInt64()).Distinct()];
        }
        return errors.Count == 0 ? new Message(text.Value!, photos) : null;
    }

    /// <summary><c>amount_gbp</c> is required with <c>partial_refund</c> and refused with the other outcomes.</summary>
    public static Resolve? ReadResolve(JsonElement body, List<string> errors)
    {
        var r = new FieldReader(body, ResolveFields, errors, creating: true);
        var outcome = r.OneOf("outcome", DisputeStates.Outcomes, FieldPresence.Required);
        decimal? amount = null;
        var sent = r.TryValue<decimal>("amount_gbp", FieldPresence.Optional, out var v, out _);
        if (sent)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var a) && a > 0 && a < 1_000_000m && decimal.Round(a, 2) == a) amount = a;
            else r.Add("amount_gbp_invalid");
        }
        if (outcome.Set && outcome.Value == DisputeStates.PartialRefund && !sent) r.Add("amount_gbp_required");
        if (outcome.Set && outcome.Value != DisputeStates.PartialRefund && sent) r.Add("amount_gbp_not_allowed");
        return errors.Count == 0 ? new Resolve(outcome.Value!, amount) : null;
    }
}
