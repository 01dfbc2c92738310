using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.EventDelivery;
using Repurch.Api.Features.Listings;
using Repurch.Api.Features.Taxonomy;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;

namespace Repurch.Api.Features.Bulk;

/// <summary>Bulk import (template, validate, commit), bulk delete, and background import jobs.</summary>
public static class BulkEndpoints
{
    /// <summary>A JSON body carries the file base64-encoded: 15 MB of JSON holds a file of about 11 MB.</summary>
    public const long MaxJsonBody = 15 * 1024 * 1024;
    public const int MaxDeleteIds = 100;
    public const string ErrorSeparator = " · ";

    private static readonly ErrorCode BodyTooLarge = CommonErrors.PayloadTooLarge.DescribedAs("Body is larger than 15 MB.");

    public static IEndpointRouteBuilder MapBulk(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/listings").WithTags("Bulk import").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/listings").WithTags("Bulk import").RequireAuthorization(Policies.PartnerWrite);

        read.MapGet("/bulk-template", Template).WithName("DownloadBulkTemplate").WithSummary("Download the bulk import template")
            .WithDescription("An XLSX workbook built from the calling brand's taxonomy: the `Listings` sheet's header row is the column order bulk-validate expects " +
                $"({string.Join(", ", BulkColumns.All.Select(c => c.Name))}), with a native dropdown (list data validation) on every enumerated column; " +
                "an `Instructions` sheet explains each column; a hidden `Lists` sheet holds the option lists the dropdowns reference.")
            .Produces(200, contentType: BulkTemplate.ContentType)
            .Errors(CommonErrors.Auth);
        write.MapPost("/bulk-validate", Validate).WithName("ValidateBulkFile").WithSummary("Validate a bulk file")
            .JsonRequest<BulkFileRequest>().BodyLimit(MaxJsonBody)
            .WithDescription("Dry run: parses every row of a CSV or XLSX file (`file_b64`, format detected from the bytes: a zip signature is XLSX) or of `csv_text`, " +
                "applies exactly the create-listing validation (channel `clearance`), and returns a verdict per row. Nothing is written. " +
                "Rows are numbered as in the file: the header is row 1. Blank rows are skipped. Headers are matched by name (case and spaces forgiven); " +
                "cells under an unknown header fail as `<column>_unknown`. Multi-select cells (`exposed_to`, `faults`) separate values with commas; " +
                $"`images` takes URLs separated by spaces. At most {BulkColumns.MaxRows} data rows; CSV text may be UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.")
            .Errors([.. CommonErrors.Auth, BulkErrors.BadFile, BulkErrors.TooManyRows, CommonErrors.InvalidJson, BodyTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/bulk-commit", Commit).WithName("CommitBulkFile").WithSummary("Commit a bulk file")
            .JsonRequest<BulkFileRequest>().BodyLimit(MaxJsonBody)
            .WithDescription("Re-parses the file like bulk-validate and creates a listing for every valid row, tagged with the caller's brand and channel `clearance` " +
                "(partial success: invalid rows are reported and nothing is written for them). `message` joins an error row's codes with \" · \"; `errors` lists them. " +
                "With an `Idempotency-Key`, committing the same file again replays the first answer and creates nothing.")
            .Errors([.. CommonErrors.Auth, BulkErrors.BadFile, BulkErrors.TooManyRows, CommonErrors.InvalidJson, BodyTooLarge, CommonErrors.UnsupportedMediaType]);
        write.MapPost("/bulk-delete", Delete).WithName("BulkDeleteListings").WithSummary("Bulk delete listings")
            .JsonRequest<BulkDeleteRequest>()
            .WithDescription($"Soft-deletes up to {MaxDeleteIds} listings. Each id is checked on its own: `listing_not_found` (unknown, already deleted, or another brand's) " +
                "or `forbidden_not_owner` (a consumer's trade-in); the others are deleted. A repeated id is reported once.")
            .Errors([.. CommonErrors.Auth,
                BulkErrors.NoIds, BulkErrors.TooMany,
                CommonErrors.ValidationFailed.DescribedAs("`<field>_unknown` (the body has only `ids`), `ids_duplicate`."),
                CommonErrors.InvalidJson, CommonErrors.PayloadTooLarge, CommonErrors.UnsupportedMediaType]);
        BulkJobEndpoints.Map(read, write);
        return app;
    }

    private static async Task Template(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var options = await BrandOptions.LoadAsync(db, ct);
        http.Response.ContentType = BulkTemplate.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{BulkTemplate.FileName}\"";
        // A few KB: built in memory, since the writer finishes with a synchronous flush the response stream refuses.
        using var buffer = new MemoryStream();
        await BulkTemplate.WriteAsync(buffer, options, ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    // filename is accepted and ignored (browsers' upload helpers send it).
    private static readonly string[] FileFields = ["file_b64", "csv_text", "filename"];

    /// <summary>The body's file as a seekable stream, or the error to answer with.</summary>
    private static async Task<(MemoryStream? File, ApiErrorResult? Error)> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        // csv_text is a file: a control character in it fails its row (title_invalid …), not the request.
        var body = await JsonBody.ReadObjectAsync(request, ["csv_text"], ct);
        if (body.Error is not null) return (null, body.Error);
        if (body.Empty) return (null, NoFile());
        using var doc = body.Document!;
        var fields = new FieldReader(doc.RootElement, FileFields);
        // A file upload answers bad_file with a sentence, not field codes: the first problem is named.
        if (fields.Errors.FirstOrDefault() is { } problem)
        {
            return (null, Bad(problem.EndsWith("_duplicate", StringComparison.Ordinal)
                ? $"Field sent twice ({problem}): send file_b64 or csv_text once."
                : $"Unknown field {problem}: send file_b64 (base64 XLSX or CSV) or csv_text."));
        }
        string? b64 = null, csv = null;
        foreach (var name in (string[])["file_b64", "csv_text"])
        {
            if (!fields.TryGet(name, out var v)) continue;
            if (v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return (null, Bad($"{name} must be a string."));
            if (name == "file_b64") b64 = v.GetString(); else csv = v.GetString();
        }
        if (!string.IsNullOrEmpty(b64) && !string.IsNullOrEmpty(csv)) return (null, Bad("Send either file_b64 or csv_text, not both."));
        if (!string.IsNullOrEmpty(csv)) return (new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(csv)), null);
        if (string.IsNullOrWhiteSpace(b64)) return (null, NoFile());
        // data: URLs as browsers produce them are accepted too.
        var comma = b64.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? b64.IndexOf(',') : -1;
        if (comma >= 0) b64 = b64[(comma + 1)..];
        try
        {
            return (new MemoryStream(Convert.FromBase64String(b64)), null);
        }
        catch (FormatException)
        {
            return (null, Bad("Upload payload is not valid base64."));
        }
    }

    internal static ApiErrorResult Bad(string message) => BulkErrors.BadFile.Result(message);
    private static ApiErrorResult NoFile() => Bad("No file supplied: send file_b64 (base64-encoded XLSX or CSV bytes) or csv_text.");

    /// <summary>Reads and checks up to <see cref="BulkColumns.MaxRows"/> rows.</summary>
    private static async Task<(BulkHeader? Header, List<CheckedRow>? Rows, ApiErrorResult? Error)> CheckAsync(HttpContext http, RepurchDb db, ListingTextScreening screening, TimeProvider clock, CancellationToken ct)
    {
        var (file, error) = await ReadFileAsync(http.Request, ct);
        if (error is not null) return (null, null, error);
        using var stream = file!;
        var caller = http.Caller();
        await db.OpenBrandSessionAsync(ct);
        var options = await BrandOptions.LoadAsync(db, ct);
        var text = await screening.ForBrandAsync(db, caller.BrandId, ct);
        var now = clock.GetUtcNow();
        try
        {
            var bulk = BulkFile.Open(stream, BulkLimits.Small);
            BulkHeader? header = null;
            var rows = new List<CheckedRow>();
            foreach (var row in bulk.Rows())
            {
                if (header is null) { header = BulkHeader.Parse(row); continue; }
                if (row.IsBlank) continue;
                if (rows.Count == BulkColumns.MaxRows)
                    return (null, null, BulkErrors.TooManyRows.Result());
                rows.Add(BulkValidator.Check(header, row, options, text, caller.BrandId, now));
            }
            if (header is null) return (null, null, Bad("The file has no header row."));
            return (header, rows, null);
        }
        catch (BadFileException e)
        {
            return (null, null, Bad(e.Message));
        }
    }

    private static async Task<Results<Ok<ValidateResponse>, ApiErrorResult>> Validate(HttpContext http, RepurchDb db, ListingTextScreening screening, TimeProvider clock, CancellationToken ct)
    {
        var (header, rows, error) = await CheckAsync(http, db, screening, clock, ct);
        if (error is not null) return error;
        var verdicts = rows!.Select(r => new ValidateRow(r.Source.Number, r.Title, r.Ok ? "ok" : "error", r.Errors)).ToList();
        return TypedResults.Ok(new ValidateResponse(rows!.Count, rows.Count(r => !r.Ok), BulkColumns.MaxRows, header!.Raw, verdicts));
    }

    private static async Task<Results<Ok<CommitResponse>, ApiErrorResult>> Commit(HttpContext http, RepurchDb db, ListingUrls urls, ListingTextScreening screening, TimeProvider clock, CancellationToken ct)
    {
        var (_, rows, error) = await CheckAsync(http, db, screening, clock, ct);
        if (error is not null) return error;
        var valid = rows!.Where(r => r.Ok).Select(r => r.Listing!).ToList();
        if (valid.Count > 0)
        {
            await using var work = await db.BeginOrJoinTransactionAsync(ct);
            // New listings go to the brand's default warehouse, as on create.
            var warehouse = await db.Warehouses.Where(w => w.IsDefault).FirstOrDefaultAsync(ct);
            foreach (var listing in valid) listing.WarehouseId = warehouse?.Id;
            // One statement for the listings and one for their events, as the bulk job writes a batch.
            await BatchWrites.InsertAsync(db, valid, ct);
            // Each listing announces itself as a single create would, in the same transaction.
            var brandName = await BrandNames.GetAsync(db, ct);
            await Outbox.EmitManyAsync(db, http.Caller().BrandId,
                [.. valid.Select(l => (ListingEvents.Created, (object)BulkEvents.Detail(l, urls, brandName, warehouse)))], clock, ct);
            await work.CommitAsync(ct);
        }
        var results = rows!.Select(r => r.Ok
            ? new CommitRow(r.Source.Number, r.Title, "success", r.Listing!.Id, urls.For(r.Listing), null, null)
            : new CommitRow(r.Source.Number, r.Title, "error", null, null, string.Join(ErrorSeparator, r.Errors), r.Errors)).ToList();
        return TypedResults.Ok(new CommitResponse(rows!.Count, valid.Count, rows!.Count - valid.Count, results));
    }

    private static readonly string[] DeleteFields = ["ids"];

    private static async Task<Results<Ok<BulkDeleteResponse>, ApiErrorResult>> Delete(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct: ct);
        if (body.Error is not null) return body.Error;
        var noIds = BulkErrors.NoIds.Result();
        if (body.Empty) return noIds;
        using var doc = body.Document!;
        var fields = new FieldReader(doc.RootElement, DeleteFields);
        if (fields.Errors.Count > 0) return Problems.Validation("Bulk delete rejected", fields.Errors);
        if (!fields.TryGet("ids", out var idsElement) || idsElement.ValueKind != JsonValueKind.Array || idsElement.GetArrayLength() == 0)
            return noIds;
        if (idsElement.GetArrayLength() > MaxDeleteIds) return BulkErrors.TooMany.Result();
        var ids = new List<long>();
        foreach (var item in idsElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id))
                return BulkErrors.NoIds.Result("ids must be an array of listing ids (integers).", ["ids_invalid"]);
            if (!ids.Contains(id)) ids.Add(id);
        }

        await db.OpenBrandSessionAsync(ct);
        await using var work = await db.BeginOrJoinTransactionAsync(ct);
        // RLS hides other brands' listings: they read as not found, never as someone else's.
        var found = await db.Listings.AsTracking().Where(l => ids.Contains(l.Id) && l.DeletedAt == null).ToDictionaryAsync(l => l.Id, ct);
        var now = clock.GetUtcNow();
        var results = new List<BulkDeleteResult>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var listing)) results.Add(new(id, false, ["listing_not_found"]));
            else if (listing.OwnerType != "brand") results.Add(new(id, false, ["forbidden_not_owner"]));
            else
            {
                listing.DeletedAt = now;
                listing.UpdatedAt = now;
                Outbox.Emit(db, listing.BrandId, ListingEvents.Deleted, new DeletedListing(true, id), clock);
                results.Add(new(id, true, null));
            }
        }
        await db.SaveChangesAsync(ct);
        await work.CommitAsync(ct);
        var ok = results.Count(r => r.Ok);
        return TypedResults.Ok(new BulkDeleteResponse(ok, results.Count - ok, results));
    }
}
