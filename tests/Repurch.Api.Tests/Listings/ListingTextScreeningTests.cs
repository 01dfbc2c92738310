using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Bulk;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Listings;

/// <summary>Listing titles and descriptions may not lead buyers off the platform: contact details and payment instructions are refused.</summary>
public sealed class ListingTextScreeningTests : ApiTest
{
    private static string With(string field, string value)
    {
        var body = JsonNode.Parse(Infrastructure.Listings.ValidCreate)!.AsObject();
        body[field] = value;
        return body.ToJsonString();
    }

    private async Task<(TestBrand Brand, HttpClient Client)> BrandAsync()
    {
        var brand = await NewBrandAsync();
        return (brand, Api.ClientWith(brand.AdminKey));
    }

    [Theory]
    [InlineData("description", "Collection only. Call Dave on 07700 900123 to arrange a viewing.", "description_contact_details")]
    [InlineData("description", "Questions? Email dave.smith at gmail dot com", "description_contact_details")]
    [InlineData("description", "Message me on WhatsApp wa.me/447700900123 for more photos", "description_contact_details")]
    [InlineData("description", "Save the fees: pay by bank transfer, sort code 20-45-77 account 41234567.", "description_off_platform_payment")]
    [InlineData("title", "Grey sofa - ring 07700 900123", "title_contact_details")]
    [InlineData("title", "Grey sofa, PayPal friends and family only", "title_off_platform_payment")]
    public async Task Contact_details_and_payment_instructions_are_refused_and_nothing_is_saved(string field, string text, string code)
    {
        var (brand, client) = await BrandAsync();

        var body = await (await client.PostJsonAsync("/v1/listings", With(field, text))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(code, body.ErrorCodes());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes));
    }

    [Theory]
    [InlineData("Corner sofa 210 x 95 x 88 cm, seat height 45 cm. Meets BS 5852 and BS EN 1021. SKU OAK-CN-0042, order RP-123456.")]
    [InlineData("Collect from NG10 2QQ any Saturday after 10:30, or we deliver for £60. Was £1,899, now £899 or nearest offer.")]
    [InlineData("Ex-display from our Leeds showroom, 2 years old, see repurch.com/brands/oak for care instructions.")]
    public async Task Ordinary_furniture_descriptions_are_accepted(string description)
    {
        var (_, client) = await BrandAsync();

        var response = await client.PostJsonAsync("/v1/listings", With("description", description));

        Assert.True(response.StatusCode == HttpStatusCode.Created, (await response.JsonAsync()).ToString());
    }

    [Fact]
    public async Task An_update_screens_the_text_it_sends_and_only_that()
    {
        var (brand, client) = await BrandAsync();
        var id = await Infrastructure.Listings.CreateAsync(client);

        var refused = await (await client.PatchJsonAsync($"/v1/listings/{id}", """{"description": "Text 07700 900123 for a discount", "price_gbp": 10}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["description_contact_details"], refused.ErrorCodes());
        var unchanged = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Excellent condition, no pet exposure.", unchanged.GetProperty("description").GetString());
        Assert.Equal(899m, unchanged.GetProperty("price").GetDecimal());

        // A description saved before screening existed does not stop other changes.
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Description, "Old text: ring 07700 900123"));
        }
        var repriced = await client.PatchJsonAsync($"/v1/listings/{id}", """{"price_gbp": 850}""");
        Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
    }

    [Fact]
    public async Task Another_field_already_invalid_keeps_its_own_code_only()
    {
        var (_, client) = await BrandAsync();
        var body = JsonNode.Parse(Infrastructure.Listings.ValidCreate)!.AsObject();
        body["title"] = new string('a', 201) + " 07700 900123";

        var refused = await (await client.PostJsonAsync("/v1/listings", body.ToJsonString())).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["title_too_long"], refused.ErrorCodes());
    }

    [Fact]
    public async Task Bulk_rows_with_contact_details_are_row_errors_and_are_not_committed()
    {
        var (brand, client) = await BrandAsync();
        var header = BulkFiles.Header + ",description";
        var csv = string.Join("\r\n",
            header,
            BulkFiles.ValidRow(1) + ",\"Lovely sofa, 210 x 95 cm\"",
            BulkFiles.ValidRow(2) + ",\"Call 07700 900123 before collecting\"",
            BulkFiles.ValidRow(3) + ",\"Bank transfer only: sort code 20-45-77, account 41234567\"") + "\r\n";

        var validated = await (await client.PostJsonAsync("/v1/listings/bulk-validate", BulkFiles.CsvBody(csv))).OkAsync();
        var rows = validated.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("ok", rows[0].GetProperty("status").GetString());
        Assert.Equal(["description_contact_details"], rows[1].GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["description_off_platform_payment"], rows[2].GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

        var committed = await (await client.PostJsonAsync("/v1/listings/bulk-commit", BulkFiles.CsvBody(csv))).OkAsync();
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
        Assert.Contains("description_contact_details", committed.ToString());
    }

    [Fact]
    public async Task A_bulk_job_reports_the_refused_rows()
    {
        var (brand, client) = await BrandAsync();
        var csv = string.Join("\r\n",
            BulkFiles.Header + ",description",
            BulkFiles.ValidRow(1) + ",Fine",
            BulkFiles.ValidRow(2) + ",\"email me: seller.dave@gmail.com\"") + "\r\n";

        var id = (await BulkFiles.StartJobAsync(client, BulkFiles.Raw(BulkFiles.Utf8(csv)))).GetProperty("id").GetString()!;
        var job = await BulkFiles.WaitAsync(client, id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var report = await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}/report.csv?rows=errors")).Content.ReadAsStringAsync();
        Assert.Contains("description_contact_details", report);
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
    }
}
