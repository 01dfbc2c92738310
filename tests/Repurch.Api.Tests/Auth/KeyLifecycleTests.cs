using System.Net;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Auth;

public sealed class KeyLifecycleTests : ApiTest
{
    [Fact]
    public async Task Revoking_a_key_ends_its_access_tokens_at_once()
    {
        var brand = await NewBrandAsync();
        var admin = Api.ClientWith(brand.AdminKey);
        var created = await (await admin.PostJsonAsync("/v1/partner/settings/api-keys", """{"name":"short-lived","role":"admin","scopes":["read"]}""")).JsonAsync();
        var secret = created.GetProperty("secret").GetString()!;
        var pair = await (await Api.ClientWith(secret).PostAsync("/v1/auth/token", null)).JsonAsync();
        var jwt = Api.ClientWith(pair.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await jwt.GetAsync("/v1/listings")).StatusCode);

        var revoked = await admin.DeleteAsync($"/v1/partner/settings/api-keys/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        await (await jwt.GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(secret).GetAsync("/v1/listings")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var brand = await NewBrandAsync();
        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
            Assert.Null((await db.ApiKeys.SingleAsync(k => k.Name == "read only")).LastUsedAt);

        Assert.Equal(HttpStatusCode.OK, (await Api.ClientWith(brand.ReadOnlyKey).GetAsync("/v1/listings")).StatusCode);

        await using (var db = Api.Planes.Open(Plane.Live, brand.Id))
        {
            var used = (await db.ApiKeys.SingleAsync(k => k.Name == "read only")).LastUsedAt;
            Assert.NotNull(used);
            Assert.InRange(used!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Null((await db.ApiKeys.SingleAsync(k => k.Name == "write only")).LastUsedAt);
        }
        var listed = await (await Api.ClientWith(brand.AdminKey).GetAsync("/v1/partner/settings/api-keys")).JsonAsync();
        var readOnly = listed.GetProperty("api_keys").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "read only");
        Assert.Equal(System.Text.Json.JsonValueKind.String, readOnly.GetProperty("last_used_at").ValueKind);
    }

    [Theory]
    [InlineData("/v1/listings", "Caller is not a partner admin.")]
    [InlineData("/v1/partner/settings/brand", "Partner admin role required.")]
    public async Task A_member_key_is_denied_with_the_wording_of_each_reference_page(string url, string message)
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.MemberKey).GetAsync(url)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(message, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_missing_scope_is_named_in_the_denial()
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.ReadOnlyKey).PostJsonAsync("/v1/listings", Infrastructure.Listings.ValidCreate))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("'write' scope", body.GetProperty("message").GetString());
    }
}
