using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Errors;
using Repurch.Api.Features.Audit;
using Repurch.Api.Http;
using Repurch.Api.OpenApi;
using Repurch.Api.Persistence;
using static Repurch.Api.Features.Settings.BrandSettingsInput;

namespace Repurch.Api.Features.Settings;

/// <summary>GET/PATCH /v1/partner/settings/brand and /v1/partner/settings/billing.</summary>
public static class BrandSettingsEndpoints
{
    public const string ProfileUpdated = "settings.brand.updated";
    public const string BillingUpdated = "settings.billing.updated";

    public const int MaxDisplayName = 80;
    public const int MaxTagline = 200;
    public const int MaxDescription = 5000;
    public const int MaxCompanyName = 200;
    public const int MaxAddressLine = 200;
    public const int MaxCity = 100;
    public const int MaxCountry = 100;

    /// <summary>The spec's message for a body that is JSON but not an object.</summary>
    public const string InvalidBodyMessage = "Body must be a JSON object.";

    /// <summary>
    /// A settings field: how to read it from a body (null when the endpoint reads it itself), and
    /// where it lives on the entity. The order of a list is the order codes are reported in.
    /// </summary>
    private sealed record Field<T>(string Name, Func<FieldReader, FieldValue<string>>? Reader, Func<T, string?> Get, Action<T, string?> Set);

    private static readonly Field<BrandProfile>[] ProfileFields =
    [
        new("display_name", r => r.Text("display_name", MaxDisplayName), p => p.DisplayName, (p, x) => p.DisplayName = x),
        new("tagline", r => r.Text("tagline", MaxTagline), p => p.Tagline, (p, x) => p.Tagline = x),
        new("description", r => r.Text("description", MaxDescription, multiline: true), p => p.Description, (p, x) => p.Description = x),
        new("support_email", r => r.Formatted("support_email", Email), p => p.SupportEmail, (p, x) => p.SupportEmail = x),
        new("support_phone", r => r.Formatted("support_phone", Phone), p => p.SupportPhone, (p, x) => p.SupportPhone = x),
        new("logo_url", r => r.Formatted("logo_url", HttpsUrl), p => p.LogoUrl, (p, x) => p.LogoUrl = x),
        new("accent_color", r => r.Formatted("accent_color", HexColour), p => p.AccentColor, (p, x) => p.AccentColor = x),
    ];

    // postcode and country are read by UpdateBilling itself: the postcode rule depends on the country.
    private static readonly Field<BillingEntity>[] BillingFields =
    [
        new("company_name", r => r.Text("company_name", MaxCompanyName), b => b.CompanyName, (b, x) => b.CompanyName = x),
        new("address_1", r => r.Text("address_1", MaxAddressLine), b => b.Address1, (b, x) => b.Address1 = x),
        new("address_2", r => r.Text("address_2", MaxAddressLine), b => b.Address2, (b, x) => b.Address2 = x),
        new("city", r => r.Text("city", MaxCity), b => b.City, (b, x) => b.City = x),
        new("postcode", null, b => b.Postcode, (b, x) => b.Postcode = x),
        new("country", null, b => b.Country, (b, x) => b.Country = x ?? UnitedKingdom),
        new("company_number", r => r.Formatted("company_number", CompanyNumber), b => b.CompanyNumber, (b, x) => b.CompanyNumber = x),
        new("vat_number", r => r.Formatted("vat_number", VatNumber), b => b.VatNumber, (b, x) => b.VatNumber = x),
        new("invoice_email", r => r.Formatted("invoice_email", Email), b => b.InvoiceEmail, (b, x) => b.InvoiceEmail = x),
    ];

    private static readonly string[] ProfileFieldNames = [.. ProfileFields.Select(f => f.Name)];
    private static readonly string[] BillingFieldNames = [.. BillingFields.Select(f => f.Name)];

    private const string BodyRules =
        "Partial update: omitted fields are unchanged; `null`, `\"\"` or an all-blank string clears an optional field " +
        "(it then reads as `null`). Strings are trimmed. Every failing field is reported at once as a code in `data.errors` " +
        "(and in the message) and nothing is saved unless all of them pass: a field of the wrong JSON type is `<field>_invalid`, " +
        "an unknown field is `<field>_unknown` so a typo never silently drops data, a field sent twice is `<field>_duplicate`. " +
        "Lengths are counted in Unicode characters. `{}` or an empty body is `no_fields`; a body that is not a JSON object is " +
        "`invalid_body`. Bodies are capped at 256 KB. Repeating a PATCH is harmless: when nothing changes, nothing is written " +
        "and no audit entry is recorded; every real change records one `{field: {from, to}}` entry of only the changed fields " +
        "in `GET /v1/partner/audit-log`, committed with the change.";

    public static IEndpointRouteBuilder MapBrandSettings(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerRead);
        var write = app.MapGroup("/v1/partner/settings").WithTags("Settings").RequireAuthorization(Policies.PartnerWrite);

        ErrorCode[] bodyErrors =
        [
            CommonErrors.InvalidJson.DescribedAs("Body is not valid JSON."),
            CommonErrors.InvalidBody.DescribedAs(InvalidBodyMessage),
            CommonErrors.NoFields,
            CommonErrors.PayloadTooLarge,
            CommonErrors.UnsupportedMediaType,
        ];

        read.MapGet("/brand", GetProfile).WithName("GetBrandProfile").WithSummary("Get the brand profile")
            .WithDescription("Returns the brand-facing profile: display name, tagline, support contacts, logo URL and accent colour. " +
                "Every field is present; a field never set is `null`, and before the first save all of them are (including `display_name`).")
            .Errors(CommonErrors.Auth);
        write.MapPatch("/brand", UpdateProfile).WithName("UpdateBrandProfile").WithSummary("Update the brand profile")
            .Accepts<BrandProfilePatch>("application/json")
            .WithDescription("Partial update of the brand profile; returns the whole profile. `display_name` is required on the first save " +
                "and can never be cleared (`display_name_required`). " + BodyRules + " Field rules: `display_name` at most " +
                $"{MaxDisplayName} characters, `tagline` at most {MaxTagline} (one line), `description` at most {MaxDescription} " +
                "(line breaks allowed); `support_email` one plain address (no display name), at most 254 characters; " +
                "`support_phone` digits, spaces, `-`, parentheses and a leading `+`, with 7 to 20 digits; `logo_url` an absolute " +
                "`https` URL without credentials, at most 2048 characters; `accent_color` `#` and six hex digits, stored upper-case. " +
                "Format errors are always `<field>_invalid`, length errors of free text `<field>_too_long`.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("Field-level reasons listed as codes in `data.errors`: `display_name_required`, " +
                    "`display_name_too_long`, `tagline_too_long`, `description_too_long`, `support_email_invalid`, `support_phone_invalid`, " +
                    "`logo_url_invalid`, `accent_color_invalid`, `<field>_invalid` (wrong type or control characters), `<field>_unknown`, " +
                    "`<field>_duplicate`."),
                .. bodyErrors]);

        read.MapGet("/billing", GetBilling).WithName("GetBillingEntity").WithSummary("Get the billing entity")
            .WithDescription("Returns the legal-entity details used on every remittance invoice. Distinct from the operational warehouses. " +
                "Every field is present; a field never set is `null`, except `country`, which defaults to `United Kingdom`.")
            .Errors(CommonErrors.Auth);
        write.MapPatch("/billing", UpdateBilling).WithName("UpdateBillingEntity").WithSummary("Update the billing entity")
            .Accepts<BillingEntityPatch>("application/json")
            .WithDescription("Partial update. Send only the fields you want to change; returns the whole billing entity. No field is " +
                "required (an incomplete entity can be saved step by step). " + BodyRules + " Field rules: `company_name`, " +
                $"`address_1` and `address_2` at most {MaxAddressLine} characters, `city` and `country` at most {MaxCity}, all one line. " +
                "`country`: clearing it restores `United Kingdom`; `UK`, `U.K.`, `GB` and `Great Britain` are stored as `United Kingdom`. " +
                "`postcode`: when the country is the United Kingdom (or England, Scotland, Wales or Northern Ireland) it must be a UK " +
                "postcode, in any case and spacing, and is stored in the Royal Mail form (`ng10 2qq` becomes `NG10 2QQ`); for other " +
                "countries 2 to 10 letters, digits, spaces or hyphens. Changing `country` re-checks the saved postcode against the new " +
                "country. `company_number`: a Companies House number, stored as 8 characters: 8 digits, or a two-letter register " +
                "prefix (`SC`, `NI`, `OC`, `SO`, `NC`, `LP`, `FC`, ...) or `R0` and 6 digits; spaces are ignored, letters upper-cased, " +
                "and 6 or 7 digits alone are left-padded with zeros (`7412358` is stored as `07412358`). The prefix is checked for " +
                "shape, not against Companies House's register list. `vat_number`: a UK VAT number, spaces allowed and stored without: " +
                "`GB` and 9 digits, `GB` and 12 digits (branch traders), `GBGD` and 3 digits below 500 (government departments), " +
                "`GBHA` and 3 digits from 500 (health authorities); `XI` instead of `GB` is accepted for the 9 and 12 digit forms, and " +
                "9 or 12 bare digits get `GB`. Check digits are not verified. `invoice_email`: one plain address, at most 254 characters.")
            .Errors([.. CommonErrors.Auth,
                CommonErrors.ValidationFailed.DescribedAs("One or more fields failed validation; codes in `data.errors`: `company_name_too_long`, " +
                    "`address_1_too_long`, `address_2_too_long`, `city_too_long`, `country_too_long`, `postcode_invalid`, " +
                    "`company_number_invalid`, `vat_number_invalid`, `invoice_email_invalid`, `<field>_invalid` (wrong type or control " +
                    "characters), `<field>_unknown`, `<field>_duplicate`."),
                .. bodyErrors]);
        return app;
    }

    private static async Task<Ok<BrandProfileResponse>> GetProfile(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var caller = http.Caller();
        var profile = await db.BrandProfiles.Where(p => p.BrandId == caller.BrandId).FirstOrDefaultAsync(ct)
            ?? new BrandProfile { BrandId = caller.BrandId };
        return TypedResults.Ok(ProfileResponse(profile));
    }

    private static async Task<Ok<BillingEntityResponse>> GetBilling(HttpContext http, RepurchDb db, CancellationToken ct)
    {
        var caller = http.Caller();
        var billing = await db.BillingEntities.Where(b => b.BrandId == caller.BrandId).FirstOrDefaultAsync(ct)
            ?? new BillingEntity { BrandId = caller.BrandId };
        return TypedResults.Ok(BillingResponse(billing));
    }

    private static async Task<Results<Ok<BrandProfileResponse>, ApiErrorResult>> UpdateProfile(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var (doc, bodyError) = await ReadPatchBodyAsync(http.Request, ct);
        if (bodyError is not null) return bodyError;
        using var document = doc;

        var errors = new List<string>();
        var present = new FieldReader(doc!.RootElement, ProfileFieldNames, errors);

        var now = clock.GetUtcNow();
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var profile = await LockProfileAsync(db, caller.BrandId, now, ct);
        var before = Snapshot(profile, ProfileFields);

        var bodyErrors = errors.Count;
        Apply(present, profile, ProfileFields);
        // Required on the first save, and never cleared afterwards (null and blank both read as
        // cleared). display_name is the first field, so its code goes before the other fields' codes.
        if (profile.DisplayName is null && !errors.Any(e => e.StartsWith("display_name_", StringComparison.Ordinal)))
            errors.Insert(bodyErrors, "display_name_required");
        if (errors.Count > 0) return Problems.Validation("One or more fields failed validation", errors);

        var changes = AuditLog.Diff(before, Snapshot(profile, ProfileFields));
        if (changes.Count > 0)
        {
            profile.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, ProfileUpdated, caller.BrandId, changes, clock, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // With no change the transaction rolls back, taking any placeholder row with it.
        return TypedResults.Ok(ProfileResponse(profile));
    }

    private static async Task<Results<Ok<BillingEntityResponse>, ApiErrorResult>> UpdateBilling(HttpContext http, RepurchDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        var (doc, bodyError) = await ReadPatchBodyAsync(http.Request, ct);
        if (bodyError is not null) return bodyError;
        using var document = doc;

        var errors = new List<string>();
        var present = new FieldReader(doc!.RootElement, BillingFieldNames, errors);

        var now = clock.GetUtcNow();
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var billing = await LockBillingAsync(db, caller.BrandId, now, ct);
        var before = Snapshot(billing, BillingFields);

        // The country first: the postcode is checked against the country the entity will have.
        var countryErrors = new List<string>();
        var country = Of(billing.Country);
        if (present.Has("country"))
        {
            var text = present.Into(countryErrors).Text("country", MaxCountry);
            country = text.Ok ? Of(text.Value is null ? UnitedKingdom : Country(text.Value)) : text;
        }
        var postcode = Failed;
        var postcodeErrors = new List<string>();
        var postcodeText = present.Has("postcode")
            ? present.Into(postcodeErrors).Formatted("postcode", s => s)
            : country.Ok && present.Has("country") ? Of(billing.Postcode) : Failed;
        if (postcodeText.Ok)
        {
            var targetCountry = country.Ok ? country.Value! : billing.Country;
            postcode = postcodeText.Value is null ? postcodeText
                : (UsesUkPostcodes(targetCountry) ? UkPostcode(postcodeText.Value) : OtherPostcode(postcodeText.Value)) is { } formatted
                    ? Of(formatted)
                    : Invalid(postcodeErrors, "postcode_invalid");
        }

        foreach (var field in BillingFields)
        {
            switch (field.Name)
            {
                case "postcode":
                    errors.AddRange(postcodeErrors);
                    if (postcode.Ok) field.Set(billing, postcode.Value);
                    break;
                case "country":
                    errors.AddRange(countryErrors);
                    if (country.Ok) field.Set(billing, country.Value);
                    break;
                default:
                    if (present.Has(field.Name) && field.Reader!(present) is { Set: true } value) field.Set(billing, value.Value);
                    break;
            }
        }
        if (errors.Count > 0) return Problems.Validation("One or more fields failed validation", errors);

        var changes = AuditLog.Diff(before, Snapshot(billing, BillingFields));
        if (changes.Count > 0)
        {
            billing.UpdatedAt = now;
            await AuditLog.RecordAsync(db, caller, BillingUpdated, caller.BrandId, changes, clock, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(BillingResponse(billing));
    }

    private static FieldValue<string> Of(string? value) => new(true, true, value);

    private static FieldValue<string> Failed => new(true, false, null);

    private static FieldValue<string> Invalid(List<string> errors, string code)
    {
        errors.Add(code);
        return Failed;
    }

    /// <summary>
    /// Reads a PATCH body: a JSON object with at least one member. The spec's wording is used for a
    /// body that is JSON but not an object.
    /// </summary>
    private static async Task<(JsonDocument? Document, ApiErrorResult? Error)> ReadPatchBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request, ct: ct);
        if (body.Error is { } error)
            return (null, error.Value.Code == CommonErrors.InvalidBody.Code ? CommonErrors.InvalidBody.Result(InvalidBodyMessage) : error);
        if (body.Empty || !body.Root.EnumerateObject().Any())
        {
            body.Document?.Dispose();
            return (null, Problems.NoFields());
        }
        return (body.Document, null);
    }

    /// <summary>
    /// The brand's profile row, locked for this transaction so concurrent PATCHes apply one after
    /// the other (and each audit entry's "from" is what the change really replaced). A brand
    /// without a row gets an empty one, which the transaction only keeps if the update succeeds.
    /// </summary>
    private static async Task<BrandProfile> LockProfileAsync(RepurchDb db, string brandId, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO brand_profiles (brand_id, updated_at) VALUES ({brandId}, {now}) ON CONFLICT (brand_id) DO NOTHING", ct);
        return (await Locks.LockRowAsync<BrandProfile>(db, brandId, ct))!;
    }

    private static async Task<BillingEntity> LockBillingAsync(RepurchDb db, string brandId, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO billing_entities (brand_id, country, updated_at) VALUES ({brandId}, {UnitedKingdom}, {now}) ON CONFLICT (brand_id) DO NOTHING", ct);
        return (await Locks.LockRowAsync<BillingEntity>(db, brandId, ct))!;
    }

    /// <summary>Reads each present field in the documented order, applying those that pass; codes go to <paramref name="errors"/>.</summary>
    private static void Apply<T>(FieldReader present, T entity, Field<T>[] fields)
    {
        foreach (var field in fields)
        {
            if (present.Has(field.Name) && field.Reader!(present) is { Set: true } value) field.Set(entity, value.Value);
        }
    }

    private static Dictionary<string, object?> Snapshot<T>(T entity, Field<T>[] fields) =>
        fields.ToDictionary(f => f.Name, f => (object?)f.Get(entity), StringComparer.Ordinal);

    private static BrandProfileResponse ProfileResponse(BrandProfile p) =>
        new(p.BrandId, new BrandProfileView(p.DisplayName, p.Tagline, p.Description, p.SupportEmail, p.SupportPhone, p.LogoUrl, p.AccentColor));

    private static BillingEntityResponse BillingResponse(BillingEntity b) =>
        new(b.BrandId, new BillingEntityView(b.CompanyName, b.Address1, b.Address2, b.City, b.Postcode, b.Country, b.CompanyNumber, b.VatNumber, b.InvoiceEmail));
}
