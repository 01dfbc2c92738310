using System.Net;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Marketplace;

public sealed class MarketplaceListingsTests : ApiTest
{
    private const string Url = "/v1/marketplace/listings";

    [Fact]
    public async Task Lists_every_brands_active_listings_newest_first_in_the_summary_shape()
    {
        var brand = await NewBrandAsync();
        var other = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var first = await Infrastructure.Listings.CreateAsync(client);
        var second = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Armchairs"));
        var others = await Infrastructure.Listings.CreateAsync(Api.ClientWith(other.AdminKey), MarketplaceClient.CreateBody("Armchairs"));

        var response = await marketplace.GetAsync($"{Url}?brand_id={brand.Id}");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([second, first], body.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        var meta = body.GetProperty("meta");
        Assert.Equal(["page", "per_page", "total", "total_pages", "total_capped"], meta.EnumerateObject().Select(p => p.Name));
        Assert.False(meta.GetProperty("total_capped").GetBoolean());
        Assert.Equal(1, meta.GetProperty("page").GetInt32());
        Assert.Equal(20, meta.GetProperty("per_page").GetInt32());
        Assert.Equal(2, meta.GetProperty("total").GetInt32());
        Assert.Equal(1, meta.GetProperty("total_pages").GetInt32());
        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());

        // The same summary the partner sees in GET /v1/listings.
        var partner = await (await client.GetAsync("/v1/listings")).JsonAsync();
        Assert.Equal(partner.GetProperty("data").ToString(), body.GetProperty("data").ToString());

        Assert.Equal([others], await MarketplaceClient.IdsAsync(marketplace, other.Id));
        var all = await (await marketplace.GetAsync($"{Url}?per_page=100")).JsonAsync();
        Assert.True(all.GetProperty("meta").GetProperty("total").GetInt32() >= 3);
    }

    [Fact]
    public async Task Pages_and_filters_by_category()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Footstools")));
        var sofa = await Infrastructure.Listings.CreateAsync(client);

        var page1 = await (await marketplace.GetAsync($"{Url}?brand_id={brand.Id}&per_page=2")).JsonAsync();
        var page2 = await (await marketplace.GetAsync($"{Url}?brand_id={brand.Id}&per_page=2&page=2")).JsonAsync();

        Assert.Equal([sofa, ids[2]], page1.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal([ids[1], ids[0]], page2.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(2, page2.GetProperty("meta").GetProperty("total_pages").GetInt32());
        Assert.Equal([ids[2], ids[1], ids[0]], await MarketplaceClient.IdsAsync(marketplace, brand.Id, "Footstools"));
        Assert.Equal([sofa], await MarketplaceClient.IdsAsync(marketplace, brand.Id, "Corner Sofas"));
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("page=501", "page")]
    [InlineData("page=101&per_page=100", "page")]
    [InlineData("brand_id=", "brand_id")]
    [InlineData("category=", "category")]
    public async Task Rejects_bad_query_parameters(string query, string param)
    {
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var body = await (await marketplace.GetAsync($"{Url}?{query}")).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, body.GetProperty("data").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Drafts_closed_and_deleted_listings_never_appear()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var active = await Infrastructure.Listings.CreateAsync(client);
        var draft = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Armchairs", status: "draft"));
        var closed = await Infrastructure.Listings.CreateAsync(client);
        await MarketplaceClient.SetStatusAsync(Api, brand.Id, closed, "closed");
        var deleted = await Infrastructure.Listings.CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/listings/{deleted}")).StatusCode);

        Assert.Equal([active], await MarketplaceClient.IdsAsync(marketplace, brand.Id));
        foreach (var hidden in new[] { draft, closed, deleted })
        {
            await (await marketplace.GetAsync($"{Url}/{hidden}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        }

        // Publishing the draft puts it on the marketplace.
        await client.PatchJsonAsync($"/v1/listings/{draft}", """{"status": "active"}""");
        Assert.Equal([draft, active], await MarketplaceClient.IdsAsync(marketplace, brand.Id));
    }

    [Fact]
    public async Task Detail_is_the_listing_for_a_visible_id_and_404_otherwise()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var response = await marketplace.GetAsync($"{Url}/{id}");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, body.GetProperty("id").GetInt64());
        Assert.Equal(brand.Id, body.GetProperty("brand_id").GetString());
        Assert.Equal("Grey velvet corner sofa", body.GetProperty("title").GetString());
        Assert.Equal("Corner Sofas", body.GetProperty("category").GetString());
        Assert.Equal("FCO-VE-CN-0011", body.GetProperty("sku").GetString());
        Assert.Equal("active", body.GetProperty("status").GetString());

        await (await marketplace.GetAsync($"{Url}/999999999999")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await marketplace.GetAsync($"{Url}/abc")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    [Fact]
    public async Task Partner_keys_are_forbidden_and_no_key_is_unauthorized()
    {
        var brand = await NewBrandAsync();
        var id = await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey));

        foreach (var key in new[] { brand.AdminKey, brand.ReadOnlyKey, brand.MemberKey })
        {
            await (await Api.ClientWith(key).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await Api.ClientWith(key).GetAsync($"{Url}/{id}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        await (await Api.ClientWith(null).GetAsync(Url)).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
    }

    [Fact]
    public async Task A_marketplace_key_cannot_change_or_read_listings_through_the_partner_api()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        var id = await Infrastructure.Listings.CreateAsync(client);

        var patch = await marketplace.PatchJsonAsync($"/v1/listings/{id}", """{"title": "Hijacked"}""");
        var delete = await marketplace.DeleteAsync($"/v1/listings/{id}");
        var get = await marketplace.GetAsync($"/v1/listings/{id}");

        foreach (var response in new[] { patch, delete, get })
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
        var listing = await (await client.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Grey velvet corner sofa", listing.GetProperty("title").GetString());
        Assert.Equal([id], await MarketplaceClient.IdsAsync(marketplace, brand.Id));
    }

    [Fact]
    public async Task The_marketplace_policy_lets_the_database_read_but_never_write_other_brands_listings()
    {
        var brand = await NewBrandAsync();
        var market = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        var active = await Infrastructure.Listings.CreateAsync(client);
        var draft = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Armchairs", status: "draft"));
        var closed = await Infrastructure.Listings.CreateAsync(client);
        await MarketplaceClient.SetStatusAsync(Api, brand.Id, closed, "closed");
        var deleted = await Infrastructure.Listings.CreateAsync(client);
        await client.DeleteAsync($"/v1/listings/{deleted}");
        var offMarket = await Infrastructure.Listings.CreateAsync(client, MarketplaceClient.CreateBody("Sofa Beds"));
        await client.PatchJsonAsync("/v1/partner/settings/cross-listing", """{"categories": {"Sofa Beds": false}}""");

        // The application's connection, as the marketplace brand, switched to the marketplace role.
        await using var conn = await Api.Planes.For(Plane.Live).OpenConnectionAsync();
        await Exec(conn, "SELECT set_config('app.brand_id', $1, false), set_config('role', 'repurch_marketplace', false)", market.Id);

        // Reads: exactly the active, cross-listed listings; the WHERE names only the brand.
        var visible = new List<long>();
        await using (var select = new NpgsqlCommand("SELECT id FROM listings WHERE brand_id = $1 ORDER BY id", conn) { Parameters = { new() { Value = brand.Id } } })
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) visible.Add(reader.GetInt64(0));
        }
        Assert.Equal([active], visible);
        Assert.DoesNotContain(draft, visible);
        Assert.DoesNotContain(offMarket, visible);

        // Writes: the marketplace role has no write privilege at all, not even on the rows it can read.
        foreach (var write in new[]
        {
            "UPDATE listings SET title = 'Hijacked' WHERE brand_id = $1",
            "DELETE FROM listings WHERE brand_id = $1",
            "UPDATE cross_listing_rules SET on_marketplace = true WHERE brand_id = $1",
            "INSERT INTO listings (brand_id, title, channel, status, regular_price, delivery_contribution, condition, category, quantity, measurements, exposed_to, faults, images, slug, view_count, owner_type) " +
            "VALUES ($1, 'Forged', 'exchange', 'active', 1, 0, 'fair', 'Armchairs', 1, '[]', '{}', '{None}', '{}', 'forged', 0, 'brand')",
        })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => Exec(conn, write, brand.Id));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }

        // Back as the app role the same connection sees none of the brand's rows.
        await Exec(conn, "SELECT set_config('role', 'none', false)");
        await using var count = new NpgsqlCommand("SELECT count(*) FROM listings WHERE brand_id = $1", conn) { Parameters = { new() { Value = brand.Id } } };
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);

        var listing = await (await client.GetAsync($"/v1/listings/{active}")).JsonAsync();
        Assert.Equal("Grey velvet corner sofa", listing.GetProperty("title").GetString());
        Assert.Equal(5, await brand.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Sandbox_listings_never_reach_the_live_marketplace()
    {
        var brand = await NewBrandAsync();
        var marketplace = await MarketplaceClient.CreateAsync(Api);
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.SandboxAdminKey));

        Assert.Empty(await MarketplaceClient.IdsAsync(marketplace, brand.Id));
    }

    private static async Task<int> Exec(NpgsqlConnection conn, string sql, object? parameter = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (parameter is not null) cmd.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await cmd.ExecuteNonQueryAsync();
    }
}
