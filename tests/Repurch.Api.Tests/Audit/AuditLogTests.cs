using System.Net;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Audit;

public sealed class AuditLogTests : ApiTest
{
    private static async Task ChangeProfileAsync(HttpClient client, string name) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync("/v1/partner/settings/brand", $$"""{"display_name":"{{name}}"}""")).StatusCode);

    [Fact]
    public async Task Entries_come_newest_first_with_actor_changes_and_pagination()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        await ChangeProfileAsync(client, "First");
        await ChangeProfileAsync(client, "Second");
        await ChangeProfileAsync(client, "Third");

        var response = await client.GetAsync("/v1/partner/audit-log?per_page=2");
        var page = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        var meta = page.GetProperty("meta");
        Assert.Equal(3, meta.GetProperty("total").GetInt32());
        Assert.Equal(2, meta.GetProperty("total_pages").GetInt32());
        Assert.Equal(brand.Id, meta.GetProperty("brand_id").GetString());
        var newest = page.GetProperty("data")[0];
        Assert.Equal("settings.brand.updated", newest.GetProperty("action").GetString());
        Assert.Equal("Second", newest.GetProperty("changes").GetProperty("display_name").GetProperty("from").GetString());
        Assert.Equal("Third", newest.GetProperty("changes").GetProperty("display_name").GetProperty("to").GetString());
        Assert.StartsWith("re_pk_live_", newest.GetProperty("actor_key_prefix").GetString());
        Assert.DoesNotContain(brand.AdminKey, page.ToString());

        var last = await (await client.GetAsync("/v1/partner/audit-log?per_page=2&page=2")).JsonAsync();
        Assert.Equal(1, last.GetProperty("data").GetArrayLength());
        Assert.Equal("First", last.GetProperty("data")[0].GetProperty("changes").GetProperty("display_name").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Another_brand_never_sees_the_entries()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        await ChangeProfileAsync(Api.ClientWith(a.AdminKey), "Brand A");

        var seenByB = await (await Api.ClientWith(b.AdminKey).GetAsync("/v1/partner/audit-log")).JsonAsync();

        Assert.Equal(0, seenByB.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(b.Id, seenByB.GetProperty("meta").GetProperty("brand_id").GetString());
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("page=zero", "page")]
    public async Task Bad_paging_is_invalid_parameter(string query, string param)
    {
        var brand = await NewBrandAsync();
        var body = await (await Api.ClientWith(brand.AdminKey).GetAsync($"/v1/partner/audit-log?{query}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(param, body.GetProperty("data").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Only_partner_admins_with_read_scope_may_read_it()
    {
        var brand = await NewBrandAsync();
        await (await Api.ClientWith(null).GetAsync("/v1/partner/audit-log")).AssertErrorAsync(HttpStatusCode.Unauthorized, "missing_bearer_token");
        await (await Api.ClientWith("re_pk_live_nope").GetAsync("/v1/partner/audit-log")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Api.ClientWith(brand.MemberKey).GetAsync("/v1/partner/audit-log")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Api.ClientWith(brand.WriteOnlyKey).GetAsync("/v1/partner/audit-log")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_log_cannot_be_changed_through_the_api()
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync("/v1/partner/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostJsonAsync("/v1/partner/audit-log", "{}")).StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_entries_even_for_the_owner()
    {
        var brand = await NewBrandAsync();
        await ChangeProfileAsync(Api.ClientWith(brand.AdminKey), "Kept");

        // The app role: no UPDATE or DELETE privilege at all.
        await using (var app = await Api.Planes.For(Plane.Live).OpenConnectionAsync())
        {
            await using (var set = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", app) { Parameters = { new() { Value = brand.Id } } })
                await set.ExecuteNonQueryAsync();
            foreach (var sql in new[] { "UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log" })
            {
                await using var cmd = new NpgsqlCommand(sql, app);
                var denied = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            }
        }

        // The owner (who bypasses privileges): the append-only trigger still says no.
        var owner = ApiFactory.Configuration["REPURCH_MIGRATOR_DATABASE_URL"];
        Assert.False(string.IsNullOrEmpty(owner), "REPURCH_MIGRATOR_DATABASE_URL is set by ./test");
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", conn) { Parameters = { new() { Value = brand.Id } } })
            await set.ExecuteNonQueryAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM audit_log", conn);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_log", conn);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }
}
