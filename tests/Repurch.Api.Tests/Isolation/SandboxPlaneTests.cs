using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Repurch.Api.Authentication;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Isolation;

/// <summary>
/// Live and sandbox are different databases: a brand's sandbox key and live key each see only
/// their own plane's listings, under the same brand id.
/// </summary>
public sealed class SandboxPlaneTests : ApiTest
{
    [Fact]
    public async Task A_listing_created_with_the_sandbox_key_is_invisible_to_the_live_key()
    {
        var brand = await NewBrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var live = Api.ClientWith(brand.AdminKey);

        var id = await Infrastructure.Listings.CreateAsync(sandbox, SofaTitled("Sandbox sofa"));

        await (await live.GetAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await live.PatchJsonAsync($"/v1/listings/{id}", """{"title":"From live"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await live.DeleteAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        var liveList = await (await live.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal(0, liveList.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(brand.Id, liveList.GetProperty("meta").GetProperty("brand_id").GetString());

        var detail = await (await sandbox.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Sandbox sofa", detail.GetProperty("title").GetString());
        Assert.Equal(brand.Id, detail.GetProperty("brand_id").GetString());
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes, Plane.Sandbox));
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes, Plane.Live));
    }

    [Fact]
    public async Task A_listing_created_with_the_live_key_is_invisible_to_the_sandbox_key()
    {
        var brand = await NewBrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var live = Api.ClientWith(brand.AdminKey);

        var id = await Infrastructure.Listings.CreateAsync(live, SofaTitled("Live sofa"));

        await (await sandbox.GetAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await sandbox.PatchJsonAsync($"/v1/listings/{id}", """{"title":"From sandbox"}""")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        await (await sandbox.DeleteAsync($"/v1/listings/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "listing_not_found");
        var sandboxList = await (await sandbox.GetAsync("/v1/listings?status=any")).JsonAsync();
        Assert.Equal(0, sandboxList.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(brand.Id, sandboxList.GetProperty("meta").GetProperty("brand_id").GetString());

        var detail = await (await live.GetAsync($"/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Live sofa", detail.GetProperty("title").GetString());
        Assert.Equal(brand.Id, detail.GetProperty("brand_id").GetString());
        Assert.Equal(0, await brand.CountListingsAsync(Api.Planes, Plane.Sandbox));
        Assert.Equal(1, await brand.CountListingsAsync(Api.Planes, Plane.Live));
    }

    [Fact]
    public async Task Each_plane_lists_only_its_own_listings_under_the_same_brand_id()
    {
        var brand = await NewBrandAsync();
        var sandbox = Api.ClientWith(brand.SandboxAdminKey);
        var live = Api.ClientWith(brand.AdminKey);
        await Infrastructure.Listings.CreateAsync(sandbox, SofaTitled("Sandbox sofa"));
        await Infrastructure.Listings.CreateAsync(live, SofaTitled("Live sofa"));

        var sandboxList = await (await sandbox.GetAsync("/v1/listings?status=any")).JsonAsync();
        var liveList = await (await live.GetAsync("/v1/listings?status=any")).JsonAsync();

        Assert.Equal(["Sandbox sofa"], sandboxList.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.Equal(["Live sofa"], liveList.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.Equal(brand.Id, sandboxList.GetProperty("meta").GetProperty("brand_id").GetString());
        Assert.Equal(brand.Id, liveList.GetProperty("meta").GetProperty("brand_id").GetString());
        Assert.Equal(brand.Id, sandboxList.GetProperty("data")[0].GetProperty("brand_id").GetString());
        Assert.Equal(brand.Id, liveList.GetProperty("data")[0].GetProperty("brand_id").GetString());
    }

    [Fact]
    public async Task A_sandbox_access_token_is_a_test_token_that_reads_only_sandbox_data()
    {
        var brand = await NewBrandAsync();
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.SandboxAdminKey), SofaTitled("Sandbox sofa"));
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(brand.AdminKey), SofaTitled("Live sofa"));

        var response = await Api.ClientWith(brand.SandboxAdminKey).PostAsync("/v1/auth/token", null);
        var pair = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = pair.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(access);
        Assert.StartsWith("test_", jwt.Kid);
        Assert.Equal("test", jwt.GetClaim("env").Value);
        Assert.Equal(brand.Id, jwt.GetClaim("brand_id").Value);
        Assert.StartsWith("re_rt_test_", pair.GetProperty("refresh_token").GetString());

        var list = await (await Api.ClientWith(access).GetAsync("/v1/listings")).JsonAsync();
        Assert.Equal(["Sandbox sofa"], list.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("title").GetString()));

        var refreshed = await Api.ClientWith(null).PostJsonAsync("/v1/auth/refresh",
            $$"""{"refresh_token":"{{pair.GetProperty("refresh_token").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var again = (await refreshed.JsonAsync()).GetProperty("access_token").GetString()!;
        var relist = await (await Api.ClientWith(again).GetAsync("/v1/listings")).JsonAsync();
        Assert.Equal(["Sandbox sofa"], relist.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_live_key_relabelled_as_a_sandbox_key_is_invalid_token()
    {
        var brand = await NewBrandAsync();
        var relabelled = Secrets.TestKeyPrefix + brand.AdminKey[Secrets.LiveKeyPrefix.Length..];
        var demoted = Secrets.LiveKeyPrefix + brand.SandboxAdminKey[Secrets.TestKeyPrefix.Length..];

        await (await Api.ClientWith(relabelled).GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(demoted).GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private static string SofaTitled(string title) =>
        Infrastructure.Listings.ValidCreate.Replace("Grey velvet corner sofa", title);
}
