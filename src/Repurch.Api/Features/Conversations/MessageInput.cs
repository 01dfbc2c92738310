using System.Text.Json;
using Repurch.Api.Http;

namespace Repurch.Api.Features.Conversations;

/// <summary>The <c>{text}</c> of a message, an edit, or the first message of a conversation.</summary>
public static class MessageInput
{
    /// <summary>Characters (an emoji counts as one), after trimming.</summary>
    public const int MaxText = 4000;
    /// <summary>A 4,000-character message of 4-byte characters, JSON-escaped, fits with room to spare.</summary>
    public const long BodyLimit = 64 * 1024;

    private static readonly string[] TextFields = ["text"];
    private static readonly string[] OpenFields = ["listing_id", "text"];

    public static List<string> ReadText(JsonElement root, out string? text)
    {
        var r = new FieldReader(root, TextFields, creating: true);
        text = Text(r);
        return r.Errors;
    }

    public static List<string> ReadOpen(JsonElement root, out long listingId, out string? text)
    {
        var r = new FieldReader(root, OpenFields, creating: true);
        var listing = r.WholeNumber("listing_id", 1, long.MaxValue, FieldPresence.Required);
        listingId = listing.Value;
        text = Text(r);
        return r.Errors;
    }

    // Newlines and tabs are part of a message; every other control character is refused (JsonBody and Text).
    private static string? Text(FieldReader r) => r.Text("text", MaxText, FieldPresence.Required, multiline: true).Value;
}
