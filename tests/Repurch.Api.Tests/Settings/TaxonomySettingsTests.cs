using System.Net;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using Defaults = Repurch.Api.Features.Listings.Taxonomy;

namespace Repurch.Api.Tests.Settings;

public sealed class TaxonomySettingsTests : ApiTest
{
    private const string Url = "/v1/partner/settings/taxonomy";

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The spec's create example with its category or colour replaced.</summary>
    private static string ListingWith(string field, string value) => field switch
    {
        "category" => Infrastructure.Listings.ValidCreate.Replace("\"category\": \"Corner Sofas\"", $"\"category\": {JsonSerializer.Serialize(value)}"),
        "colour" => Infrastructure.Listings.ValidCreate.Replace("\"colour\": \"Grey\"", $"\"colour\": {JsonSerializer.Serialize(value)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public async Task A_new_brand_uses_the_platform_defaults()
    {
        var brand = await NewBrandAsync();

        var response = await Api.ClientWith(brand.ReadOnlyKey).GetAsync(Url);

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.Empty(Strings(body.GetProperty("customized")));
        var taxonomy = body.GetProperty("taxonomy");
        Assert.Equal(Defaults.Defaults.Brands, Strings(taxonomy.GetProperty("brands")));
        Assert.Equal(Defaults.Defaults.Colours, Strings(taxonomy.GetProperty("colours")));
        Assert.Equal(Defaults.Defaults.Fabrics, Strings(taxonomy.GetProperty("fabrics")));
        Assert.Equal(Defaults.Defaults.Ages, Strings(taxonomy.GetProperty("ages")));
        Assert.Equal(Defaults.Defaults.Categories, Strings(taxonomy.GetProperty("categories")));
        Assert.Equal(["brands", "colours", "fabrics", "ages", "categories"], taxonomy.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Removing_a_category_changes_options_and_validation_for_that_brand_only()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var otherClient = Api.ClientWith(other.AdminKey);
        var footstool = ListingWith("category", "Footstools");
        var existing = await Infrastructure.Listings.CreateAsync(client, footstool);
        var otherOptionsBefore = await otherClient.GetStringAsync("/v1/listings/options");

        var response = await client.PatchJsonAsync(Url, """{"categories": {"remove": ["Footstools"]}}""");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["categories"], Strings(body.GetProperty("customized")));
        Assert.Equal(Defaults.Defaults.Categories.Where(c => c != "Footstools"), Strings(body.GetProperty("taxonomy").GetProperty("categories")));
        Assert.Equal(body.ToString(), (await (await client.GetAsync(Url)).JsonAsync()).ToString());

        var options = await (await client.GetAsync("/v1/listings/options")).JsonAsync();
        Assert.DoesNotContain("Footstools", Strings(options.GetProperty("categories")));
        Assert.Equal(Defaults.Defaults.Colours, Strings(options.GetProperty("colours")));
        Assert.Equal(Defaults.Defaults.ItemTypes, Strings(options.GetProperty("item_types")));

        var rejected = await (await client.PostJsonAsync("/v1/listings", footstool)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["category_invalid"], rejected.ErrorCodes());
        var patch = await (await client.PatchJsonAsync($"/v1/listings/{await Infrastructure.Listings.CreateAsync(client)}", """{"category": "Footstools"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["category_invalid"], patch.ErrorCodes());

        // A listing already in the removed category keeps it and can still be updated otherwise.
        var kept = await client.PatchJsonAsync($"/v1/listings/{existing}", """{"title": "Footstool, renamed"}""");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("Footstools", (await kept.JsonAsync()).GetProperty("category").GetString());

        // Another brand is unaffected, byte for byte.
        Assert.Equal(otherOptionsBefore, await otherClient.GetStringAsync("/v1/listings/options"));
        await Infrastructure.Listings.CreateAsync(otherClient, footstool);
    }

    [Fact]
    public async Task Adding_a_colour_makes_it_valid_for_that_brand_only()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var otherClient = Api.ClientWith(other.AdminKey);
        var otherOptionsBefore = await otherClient.GetStringAsync("/v1/listings/options");
        var sage = ListingWith("colour", "Sage");
        var rejectedBefore = await (await client.PostJsonAsync("/v1/listings", sage)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["colour_invalid"], rejectedBefore.ErrorCodes());

        var response = await client.PatchJsonAsync(Url, """{"colours": {"add": ["Sage", "Grey"]}}""");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([.. Defaults.Defaults.Colours, "Sage"], Strings(body.GetProperty("taxonomy").GetProperty("colours")));
        Assert.Contains("Sage", Strings((await (await client.GetAsync("/v1/listings/options")).JsonAsync()).GetProperty("colours")));
        var id = await Infrastructure.Listings.CreateAsync(client, sage);
        var created = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Sage", created.GetProperty("colour").GetString());
        var other2 = await Infrastructure.Listings.CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/v1/listings/{other2}", """{"colour": "Sage"}""")).StatusCode);

        Assert.Equal(otherOptionsBefore, await otherClient.GetStringAsync("/v1/listings/options"));
        var otherRejected = await (await otherClient.PostJsonAsync("/v1/listings", sage)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["colour_invalid"], otherRejected.ErrorCodes());
    }

    [Fact]
    public async Task A_full_list_replaces_and_null_resets_to_the_default()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var defaultOptions = await client.GetStringAsync("/v1/listings/options");

        var replaced = await (await client.PatchJsonAsync(Url, """{"brands": ["  Furniture Co ", "Other"], "ages": ["New", "Used"]}""")).JsonAsync();
        Assert.Equal(["Furniture Co", "Other"], Strings(replaced.GetProperty("taxonomy").GetProperty("brands")));
        Assert.Equal(["New", "Used"], Strings(replaced.GetProperty("taxonomy").GetProperty("ages")));
        Assert.Equal(["brands", "ages"], Strings(replaced.GetProperty("customized")));
        var withBrand = Infrastructure.Listings.ValidCreate.Replace("\"DFS\"", "\"Furniture Co\"").Replace("\"1 year old\"", "\"Used\"");
        await Infrastructure.Listings.CreateAsync(client, withBrand);
        var dfs = await (await client.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["brand_invalid", "age_years_invalid"], dfs.ErrorCodes());

        var reset = await (await client.PatchJsonAsync(Url, """{"brands": null, "ages": null}""")).JsonAsync();
        Assert.Empty(Strings(reset.GetProperty("customized")));
        Assert.Equal(defaultOptions, await client.GetStringAsync("/v1/listings/options"));
        await Infrastructure.Listings.CreateAsync(client);
    }

    [Fact]
    public async Task Sending_what_the_brand_already_has_changes_nothing_and_audits_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var same = await (await client.PatchJsonAsync(Url, "{\"fabrics\": " + JsonSerializer.Serialize(Defaults.Defaults.Fabrics) + """, "colours": {"add": ["Grey"]}}""")).JsonAsync();

        Assert.Empty(Strings(same.GetProperty("customized")));
        var audit = await (await client.GetAsync("/v1/partner/audit-log")).JsonAsync();
        Assert.DoesNotContain(audit.GetProperty("data").EnumerateArray(), e => e.GetProperty("action").GetString() == "settings.taxonomy.updated");
    }

    [Fact]
    public async Task Changes_are_audited_with_before_and_after()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await client.PatchJsonAsync(Url, """{"fabrics": ["Wool", "Other"]}""");
        await client.PatchJsonAsync(Url, """{"fabrics": {"remove": ["Wool"]}, "colours": null}""");

        var audit = await (await client.GetAsync("/v1/partner/audit-log")).JsonAsync();

        var entries = audit.GetProperty("data").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "settings.taxonomy.updated").ToList();
        Assert.Equal(2, entries.Count);
        var latest = entries[0].GetProperty("changes");
        Assert.Equal(["fabrics"], latest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Wool", "Other"], Strings(latest.GetProperty("fabrics").GetProperty("from")));
        Assert.Equal(["Other"], Strings(latest.GetProperty("fabrics").GetProperty("to")));
        var first = entries[1].GetProperty("changes").GetProperty("fabrics");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("from").ValueKind);
        Assert.False(string.IsNullOrEmpty(entries[0].GetProperty("actor_key_prefix").GetString()));
    }

    [Theory]
    [InlineData("""{"categories": []}""", "categories_invalid")]
    [InlineData("""{"colours": ["Sage", "sage"]}""", "colours_invalid")]
    [InlineData("""{"colours": ["Sage", "  "]}""", "colours_invalid")]
    [InlineData("""{"colours": ["Sage", 3]}""", "colours_invalid")]
    [InlineData("""{"colours": "Sage"}""", "colours_invalid")]
    [InlineData("""{"colours": {}}""", "colours_invalid")]
    [InlineData("""{"colours": {"add": ["Sage"], "drop": ["Grey"]}}""", "colours_invalid")]
    [InlineData("""{"colours": {"add": "Sage"}}""", "colours_invalid")]
    [InlineData("""{"colours": {"add": ["grey"]}}""", "colours_invalid")]
    [InlineData("""{"colours": {"remove": ["Mauve"]}}""", "colours_invalid")]
    [InlineData("""{"ages": {"remove": ["Less than 1 year", "1 year old", "2 years old", "3 years old", "15+ years old"]}}""", "ages_invalid")]
    [InlineData("""{"flavours": ["Mint"]}""", "flavours_unknown")]
    [InlineData("""{"colours": ["Sage"], "colours": ["Grey"]}""", "colours_duplicate")]
    [InlineData("""{"Bad Key": ["Mint"]}""", "unknown_field")]
    public async Task Invalid_changes_are_rejected_with_a_code_per_list(string json, string code)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);

        var body = await (await client.PatchJsonAsync(Url, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([code], body.ErrorCodes());
        Assert.Empty(Strings((await (await client.GetAsync(Url)).JsonAsync()).GetProperty("customized")));
    }

    [Fact]
    public async Task Lists_are_limited_in_size_and_length_and_one_bad_list_saves_nothing()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var tooMany = JsonSerializer.Serialize(Enumerable.Range(1, 201).Select(i => $"Colour {i}"));
        var justEnough = JsonSerializer.Serialize(Enumerable.Range(1, 200).Select(i => $"Colour {i}"));
        var tooLong = JsonSerializer.Serialize(new[] { new string('x', 101) });

        var body = await (await client.PatchJsonAsync(Url, $$"""{"colours": {{tooMany}}, "fabrics": {{tooLong}}, "brands": ["Mine"]}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["colours_invalid", "fabrics_invalid"], body.ErrorCodes());
        Assert.Empty(Strings((await (await client.GetAsync(Url)).JsonAsync()).GetProperty("customized")));

        var ok = await client.PatchJsonAsync(Url, $$"""{"colours": {{justEnough}}, "fabrics": [{{JsonSerializer.Serialize(new string('x', 100))}}]}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var full = await (await client.PatchJsonAsync(Url, """{"colours": {"add": ["One more"]}}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["colours_invalid"], full.ErrorCodes());
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "no_fields")]
    [InlineData("{}", HttpStatusCode.BadRequest, "no_fields")]
    [InlineData("[]", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("{\"colours\": ", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task Bodies_that_are_not_a_change_are_rejected(string json, HttpStatusCode status, string code)
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(brand.AdminKey).PatchJsonAsync(Url, json)).AssertErrorAsync(status, code);
    }

    [Fact]
    public async Task Reading_needs_an_admin_key_with_read_and_changing_needs_write()
    {
        var brand = await NewBrandAsync();

        await (await Api.ClientWith(null).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith(brand.MemberKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.ReadOnlyKey).PatchJsonAsync(Url, """{"colours": ["Sage"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.MemberKey).PatchJsonAsync(Url, """{"colours": ["Sage"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(Strings((await (await Api.ClientWith(brand.AdminKey).GetAsync(Url)).JsonAsync()).GetProperty("customized")));
    }

    [Fact]
    public async Task Concurrent_additions_are_all_kept()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var colours = Enumerable.Range(1, 8).Select(i => $"Shade {i}").ToArray();

        var responses = await Task.WhenAll(colours.Select(c => client.PatchJsonAsync(Url, "{\"colours\": {\"add\": [\"" + c + "\"]}}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var final = Strings((await (await client.GetAsync(Url)).JsonAsync()).GetProperty("taxonomy").GetProperty("colours"));
        Assert.Equal(Defaults.Defaults.Colours.Count + colours.Length, final.Length);
        Assert.All(colours, c => Assert.Contains(c, final));
    }

    [Fact]
    public async Task Sandbox_taxonomy_is_separate_from_live()
    {
        var brand = await NewBrandAsync();
        await Api.ClientWith(brand.SandboxAdminKey).PatchJsonAsync(Url, """{"colours": {"add": ["Sage"]}}""");

        var live = await (await Api.ClientWith(brand.AdminKey).GetAsync(Url)).JsonAsync();
        var sandbox = await (await Api.ClientWith(brand.SandboxAdminKey).GetAsync(Url)).JsonAsync();

        Assert.Empty(Strings(live.GetProperty("customized")));
        Assert.Equal(["colours"], Strings(sandbox.GetProperty("customized")));
    }
}
