using System.Net;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Authentication;

/// <summary>
/// Every listing endpoint answers a missing, malformed, unknown, revoked or under-privileged
/// credential with the spec's exact status and code, and a rejected mutation changes nothing.
/// </summary>
public sealed class BearerAuthTests : ApiTest
{
    public static readonly TheoryData<string, string> Endpoints = new()
    {
        { "GET", "/v1/listings" },
        { "GET", "/v1/listings/options" },
        { "GET", "/v1/listings/{id}" },
        { "POST", "/v1/listings" },
        { "PATCH", "/v1/listings/{id}" },
        { "DELETE", "/v1/listings/{id}" },
    };

    public static readonly TheoryData<string, string> Reads = new()
    {
        { "GET", "/v1/listings" },
        { "GET", "/v1/listings/options" },
        { "GET", "/v1/listings/{id}" },
    };

    public static readonly TheoryData<string, string> Mutations = new()
    {
        { "POST", "/v1/listings" },
        { "PATCH", "/v1/listings/{id}" },
        { "DELETE", "/v1/listings/{id}" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_authorization_header_is_missing_bearer_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(null), method, path, id);

        var body = await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        Assert.Equal("No Authorization: Bearer header provided.", body.GetProperty("message").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Basic_authorization_is_missing_bearer_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();
        var client = Api.ClientWith(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic xxx");

        var response = await SendAsync(client, method, path, id);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Basic_authorization_carrying_a_valid_api_key_is_missing_bearer_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();
        var client = Api.ClientWith(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Basic {brand.AdminKey}");

        var response = await SendAsync(client, method, path, id);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Empty_bearer_is_missing_bearer_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();
        var client = Api.ClientWith(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer   ");

        var response = await SendAsync(client, method, path, id);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Garbage_bearer_is_invalid_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith("not-a-token.at-all"), method, path, id);

        await AssertInvalidTokenAsync(response);
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Unknown_live_api_key_is_invalid_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(Secrets.NewApiKey(Plane.Live)), method, path, id);

        await AssertInvalidTokenAsync(response);
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_valid_key_with_one_character_changed_is_invalid_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();
        var last = brand.AdminKey[^1];
        var altered = brand.AdminKey[..^1] + (last == 'A' ? 'B' : 'A');

        var response = await SendAsync(Api.ClientWith(altered), method, path, id);

        await AssertInvalidTokenAsync(response);
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Oversized_bearer_is_invalid_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(brand.AdminKey + new string('A', 5000)), method, path, id);

        await AssertInvalidTokenAsync(response);
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Revoked_api_key_is_invalid_token(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();
        // The key works until it is revoked.
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings")).StatusCode);
        await RevokeAsync(brand, brand.AdminKey);

        var response = await SendAsync(Api.ClientWith(brand.AdminKey), method, path, id);

        await AssertInvalidTokenAsync(response);
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Member_role_key_is_forbidden(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(brand.MemberKey), method, path, id);

        var body = await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Caller is not a partner admin.", body.GetProperty("message").GetString());
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Read_only_key_is_forbidden_to_mutate(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(brand.ReadOnlyKey), method, path, id);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Write_only_key_is_forbidden_to_read(string method, string path)
    {
        var (brand, id, before) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(brand.WriteOnlyKey), method, path, id);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertUnchangedAsync(brand, id, before);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_only_key_may_read(string method, string path)
    {
        var (brand, id, _) = await BrandWithListingAsync();

        var response = await SendAsync(Api.ClientWith(brand.ReadOnlyKey), method, path, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_scope_denial_reads_as_plain_text()
    {
        var brand = await NewBrandAsync();
        using var readOnly = Api.ClientWith(brand.ReadOnlyKey);

        var response = await readOnly.PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("\"message\":\"Caller's key lacks the 'write' scope this endpoint needs.\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_only_key_may_create_update_and_delete()
    {
        var (brand, id, _) = await BrandWithListingAsync();
        var client = Api.ClientWith(brand.WriteOnlyKey);

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, "POST", "/v1/listings", id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "PATCH", "/v1/listings/{id}", id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "DELETE", "/v1/listings/{id}", id)).StatusCode);
    }

    [Fact]
    public async Task Bearer_scheme_is_case_insensitive()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"bearer {brand.AdminKey}");

        var response = await client.GetAsync("/v1/listings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_brands_other_keys_working()
    {
        var brand = await NewBrandAsync();
        await RevokeAsync(brand, brand.AdminKey);

        await AssertInvalidTokenAsync(await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings"));
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/listings")).StatusCode);
    }

    /// <summary>A fresh brand with one listing, and the listing's detail as its admin sees it.</summary>
    private async Task<(TestBrand Brand, long Id, string Before)> BrandWithListingAsync()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var id = await Infrastructure.Listings.CreateAsync(admin);
        var before = await (await admin.GetAsync($"/v1/listings/{id}")).Content.ReadAsStringAsync();
        return (brand, id, before);
    }

    private async Task AssertUnchangedAsync(TestBrand brand, long id, string before)
    {
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes));
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var row = await db.Listings.SingleAsync(l => l.Id == id);
        Assert.Null(row.DeletedAt);
        // Read back with the read-only key: some tests revoke the admin key.
        var after = await (await Api.ClientWith(brand.ReadOnlyKey).GetAsync($"/v1/listings/{id}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    private async Task RevokeAsync(TestBrand brand, string key)
    {
        await using var db = Api.Planes.Open(Plane.Live, brand.Id);
        var hash = Secrets.Hash(key);
        var revoked = await db.ApiKeys.Where(k => k.SecretHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        Assert.Equal(1, revoked);
    }

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        var body = await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal("Token is malformed, expired, or signed with the wrong key.", body.GetProperty("message").GetString());
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, long id)
    {
        var url = path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return method switch
        {
            "GET" => client.GetAsync(url),
            "POST" => client.PostJsonAsync(url, Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", "Posted sofa")),
            "PATCH" => client.PatchJsonAsync(url, """{"title":"Patched title","price_gbp":1}"""),
            "DELETE" => client.DeleteAsync(url),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }
}
