using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Storage;

namespace Repurch.Api.Features.Listings;

/// <summary>
/// <c>attachment_ids</c> on listing create and update: the ids name the caller's own uploads, and
/// the listing's <c>images</c> become their original URLs in the order given (index 0 the cover).
/// It is the alternative to <c>images</c>: sending both non-empty is <c>images_conflict</c>, since
/// no order between the two lists would be obvious. An id that is unknown, deleted or another
/// brand's (row-level security hides those) is <c>attachment_ids_invalid</c>; so, for a consumer's
/// trade-in, is an upload that consumer did not make itself.
/// </summary>
public static class ListingPhotos
{
    public static async Task ApplyAsync(
        JsonElement body, Listing listing, List<string> errors, RepurchDb db, MediaUrls urls, HttpRequest request, CancellationToken ct,
        string? uploaderAccountId = null)
    {
        if (!body.TryGetProperty("attachment_ids", out var value) || errors.Contains("attachment_ids_invalid")) return;
        var ids = value.ValueKind == JsonValueKind.Null ? [] : ListingInput.AttachmentIds(value) ?? [];
        var images = body.TryGetProperty("images", out var i) && i.ValueKind == JsonValueKind.Array ? i.GetArrayLength() : -1;
        if (ids.Length == 0)
        {
            // An empty list clears the photos, unless images says what they are.
            if (!body.TryGetProperty("images", out _)) listing.Images = [];
            return;
        }
        if (images > 0)
        {
            errors.Add("images_conflict");
            return;
        }
        var attachments = db.Attachments.Where(a => a.BrandId == listing.BrandId && ids.Contains(a.Id));
        if (uploaderAccountId is not null) attachments = attachments.Where(a => a.UploaderAccountId == uploaderAccountId);
        var found = await attachments
            .Select(a => new { a.Id, a.StorageKey })
            .ToDictionaryAsync(a => a.Id, a => a.StorageKey, ct);
        if (found.Count != ids.Length)
        {
            errors.Add("attachment_ids_invalid");
            return;
        }
        listing.Images = ids.Select(id => urls.For(found[id], request)).ToArray();
    }
}
