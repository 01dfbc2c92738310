using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Isolation;

/// <summary>
/// Isolation is the database's job: raw SQL through the app's own data source (role
/// <c>repurch_app</c>) sees nothing without a brand, only the set brand's rows with one, and cannot
/// write rows for another brand. The catalog proves the policy is forced and cannot be bypassed.
/// </summary>
public sealed class RowLevelSecurityTests : ApiTest
{
    private const string SqlState_InsufficientPrivilege = "42501";

    /// <summary>Tables that must carry the brand policy whatever else the catalog says.</summary>
    private static readonly string[] KnownTenantTables = ["brands", "api_keys", "signing_keys", "refresh_tokens", "sellers", "listings", "request_usage"];

    private NpgsqlDataSource App => Api.Planes.For(Plane.Live);

    [Fact]
    public async Task Without_a_brand_the_app_role_reads_no_listings_although_rows_exist()
    {
        var brand = await BrandWithListingsAsync(2);
        Assert.Equal(2L, await AdminScalarAsync<long>(Plane.Live, "SELECT count(*) FROM listings WHERE brand_id = $1", brand.Id));

        await using var conn = await App.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT * FROM listings", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync()) rows++;

        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task Without_a_brand_the_app_role_reads_no_rows_from_any_tenant_table()
    {
        var brand = await BrandWithListingsAsync(1);
        await ExchangeTokenAsync(brand); // fills signing_keys and refresh_tokens
        // accounts, sign_in_failures, disputes and dispute_messages.
        var account = await TestAccount.CreateAsync(Api, brand);
        using (var failed = await Api.ClientWith(brand.StorefrontKey).PostJsonAsync("/v1/accounts/sessions",
                   System.Text.Json.JsonSerializer.Serialize(new { email = account.Email, password = "not the password at all" })))
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var order = await Disputes.DisputeData.PaidOrderAsync(Api, brand);
        var dispute = await Disputes.DisputeData.OpenAsync(Api, brand.Id, order);
        var evidence = await Api.ClientWith(brand.AdminKey).PostJsonAsync($"/v1/disputes/{dispute.Id}/messages", """{"text":"We packed it in double-wall boxes."}""");
        Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        // brand_domains.
        var domain = await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/partner/settings/domains",
            $$"""{"host": "shop.{{brand.Id}}.test", "storefront": "exchange"}""");
        Assert.Equal(HttpStatusCode.Created, domain.StatusCode);
        // brand_feature_flags (the operator's switch, written here as the table's owner).
        await AdminScalarAsync<int>(Plane.Live, "INSERT INTO brand_feature_flags (brand_id, name, enabled) VALUES ($1, 'dashboard', true) RETURNING 1", brand.Id);

        foreach (var table in await TenantTablesAsync(Plane.Live))
        {
            Assert.True(await AdminScalarAsync<long>(Plane.Live, $"SELECT count(*) FROM {table}") > 0, $"{table} has no rows to hide");
            await using var conn = await App.OpenConnectionAsync();
            Assert.Equal(0L, await ScalarAsync<long>(conn, $"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task With_a_brand_set_the_app_role_reads_only_that_brands_rows()
    {
        var a = await BrandWithListingsAsync(2);
        var b = await BrandWithListingsAsync(3);
        await ExchangeTokenAsync(a);
        await ExchangeTokenAsync(b);

        await using var conn = await App.OpenConnectionAsync();
        await SetBrandAsync(conn, a.Id);

        var brands = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT brand_id FROM listings", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) brands.Add(reader.GetString(0));
        }
        Assert.Equal([a.Id, a.Id], brands);

        foreach (var table in await TenantTablesAsync(Plane.Live))
        {
            var column = table == "brands" ? "id" : "brand_id";
            var visible = await ScalarAsync<string[]>(conn, $"SELECT coalesce(array_agg(DISTINCT {column}::text), '{{}}') FROM {table}");
            // Tables the brand has no rows in yet show nothing; none may show another brand.
            Assert.True(visible is [] || (visible is [var only] && only == a.Id), $"{table} shows brands [{string.Join(", ", visible)}] to brand {a.Id}");
            var expected = await AdminScalarAsync<long>(Plane.Live, $"SELECT count(*) FROM {table} WHERE {column} = $1", a.Id);
            Assert.Equal(expected, await ScalarAsync<long>(conn, $"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Inserting_a_listing_for_another_brand_violates_the_policy()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        await using var conn = await App.OpenConnectionAsync();
        await SetBrandAsync(conn, a.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => InsertListingAsync(conn, b.Id));

        Assert.Equal(SqlState_InsufficientPrivilege, error.SqlState);
        Assert.Contains("row-level security", error.MessageText);
        Assert.Equal(0L, await AdminScalarAsync<long>(Plane.Live, "SELECT count(*) FROM listings WHERE brand_id = $1", b.Id));
        // Control: the same insert for the brand that is set succeeds.
        await InsertListingAsync(conn, a.Id);
        Assert.Equal(1, await a.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Inserting_any_row_with_no_brand_set_violates_the_policy()
    {
        var a = await NewBrandAsync();
        await using var conn = await App.OpenConnectionAsync();

        var listing = await Assert.ThrowsAsync<PostgresException>(() => InsertListingAsync(conn, a.Id));
        var seller = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "INSERT INTO sellers (brand_id, display_name) VALUES ($1, 'x')", a.Id));
        var brand = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "INSERT INTO brands (id, name, is_marketplace) VALUES ($1, 'x', false)", $"x-{Guid.NewGuid():N}"[..14]));

        Assert.Equal(SqlState_InsufficientPrivilege, listing.SqlState);
        Assert.Equal(SqlState_InsufficientPrivilege, seller.SqlState);
        Assert.Equal(SqlState_InsufficientPrivilege, brand.SqlState);
        Assert.Equal(0, await a.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task Inserting_an_api_key_for_another_brand_violates_the_policy()
    {
        var a = await NewBrandAsync();
        var b = await NewBrandAsync();
        await using var conn = await App.OpenConnectionAsync();
        await SetBrandAsync(conn, a.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn,
            "INSERT INTO api_keys (id, brand_id, prefix, secret_hash, role, scopes) VALUES (gen_random_uuid(), $1, 're_pk_live_xxxx', '\\x00'::bytea, 'admin', '{read,write}')", b.Id));

        Assert.Equal(SqlState_InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Another_brands_rows_cannot_be_updated_deleted_or_taken_over()
    {
        var a = await BrandWithListingsAsync(1);
        var b = await BrandWithListingsAsync(1);
        var bBefore = await AdminScalarAsync<string>(Plane.Live, "SELECT row_to_json(l)::text FROM listings l WHERE brand_id = $1", b.Id);
        await using var conn = await App.OpenConnectionAsync();
        await SetBrandAsync(conn, a.Id);

        Assert.Equal(0, await ExecuteAsync(conn, "UPDATE listings SET title = 'pwned' WHERE brand_id = $1", b.Id));
        Assert.Equal(0, await ExecuteAsync(conn, "DELETE FROM listings WHERE brand_id = $1", b.Id));
        Assert.Equal(0, await ExecuteAsync(conn, "UPDATE brands SET name = 'pwned' WHERE id = $1", b.Id));
        // Moving one's own row into another brand fails the policy's WITH CHECK.
        var moved = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "UPDATE listings SET brand_id = $1", b.Id));
        Assert.Equal(SqlState_InsufficientPrivilege, moved.SqlState);

        Assert.Equal(bBefore, await AdminScalarAsync<string>(Plane.Live, "SELECT row_to_json(l)::text FROM listings l WHERE brand_id = $1", b.Id));
        Assert.Equal(1, await a.CountListingsAsync(Api.Planes));
    }

    [Fact]
    public async Task The_app_role_cannot_switch_off_or_step_around_the_policy()
    {
        await BrandWithListingsAsync(1);
        await using var conn = await App.OpenConnectionAsync();

        var rls = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "SET row_security = off; SELECT count(*) FROM listings"));
        Assert.Equal(SqlState_InsufficientPrivilege, rls.SqlState);
        var role = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "SET ROLE repurch_owner"));
        Assert.Equal(SqlState_InsufficientPrivilege, role.SqlState);
        var auth = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "SET ROLE repurch_auth"));
        Assert.Equal(SqlState_InsufficientPrivilege, auth.SqlState);
        var alter = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, "ALTER TABLE listings DISABLE ROW LEVEL SECURITY"));
        Assert.Equal(SqlState_InsufficientPrivilege, alter.SqlState);
    }

    [Theory]
    [InlineData(Plane.Live)]
    [InlineData(Plane.Sandbox)]
    public async Task Every_tenant_table_has_forced_row_level_security_with_the_brand_policy(Plane plane)
    {
        await using var admin = await AdminAsync(plane);
        var tables = await TenantTablesAsync(plane);
        Assert.Superset(KnownTenantTables.ToHashSet(), tables.ToHashSet());

        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY($1)
            """, admin);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tables.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync();
        var seen = new List<string>();
        while (await reader.ReadAsync())
        {
            seen.Add(reader.GetString(0));
            Assert.True(reader.GetBoolean(1), $"{reader.GetString(0)}: row level security is not enabled");
            Assert.True(reader.GetBoolean(2), $"{reader.GetString(0)}: row level security is not forced");
        }
        Assert.Equal(tables.Order(), seen.Order());
        await reader.DisposeAsync();

        foreach (var table in tables)
        {
            var policy = await ScalarAsync<string>(admin,
                "SELECT coalesce(qual, '') || ' | ' || coalesce(with_check, '') FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = 'brand_isolation'", table);
            Assert.True(policy?.Split(" | ").All(p => p.Contains("current_setting('app.brand_id'", StringComparison.Ordinal)) == true,
                $"{table}: brand_isolation policy missing or not on app.brand_id: {policy}");
            // No policy that applies to the app role (directly or through PUBLIC) lets every row through.
            var open = await ScalarAsync<long>(admin, """
                SELECT count(*) FROM pg_policies
                WHERE schemaname = 'public' AND tablename = $1
                  AND ('public' = ANY(roles) OR 'repurch_app' = ANY(roles))
                  AND (qual IS NULL OR qual = 'true' OR with_check = 'true')
                """, table);
            Assert.True(open == 0, $"{table}: a policy lets the app role through without a brand");
        }
    }

    [Theory]
    [InlineData(Plane.Live)]
    [InlineData(Plane.Sandbox)]
    public async Task Every_table_the_app_role_can_touch_is_a_tenant_table(Plane plane)
    {
        await using var admin = await AdminAsync(plane);
        var tenant = (await TenantTablesAsync(plane)).ToHashSet();

        var reachable = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND has_table_privilege('repurch_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
            """, admin))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) reachable.Add(reader.GetString(0));
        }

        Assert.NotEmpty(reachable);
        Assert.All(reachable, t => Assert.True(tenant.Contains(t), $"repurch_app can reach {t}, which has no brand policy"));
    }

    [Theory]
    [InlineData(Plane.Live)]
    [InlineData(Plane.Sandbox)]
    public async Task The_app_role_is_no_superuser_has_no_bypassrls_and_owns_no_tenant_table(Plane plane)
    {
        await using var admin = await AdminAsync(plane);
        var tables = await TenantTablesAsync(plane);

        await using (var cmd = new NpgsqlCommand("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'repurch_app'", admin))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "role repurch_app does not exist");
            Assert.False(reader.GetBoolean(0), "repurch_app is a superuser");
            Assert.False(reader.GetBoolean(1), "repurch_app has BYPASSRLS");
        }

        var owned = await ScalarAsync<string[]>(admin, """
            SELECT coalesce(array_agg(c.relname::text), '{}') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY($1) AND pg_has_role('repurch_app', c.relowner, 'USAGE')
            """, (object)tables.ToArray());
        Assert.True(owned.Length == 0, $"repurch_app owns (directly or through a role it inherits) {string.Join(", ", owned)}");

        // Nor can it become such a role: it is a member of no superuser, BYPASSRLS, owner or credential role.
        var memberOf = await ScalarAsync<string[]>(admin, """
            SELECT coalesce(array_agg(r.rolname::text), '{}') FROM pg_roles r
            WHERE r.rolname <> 'repurch_app' AND pg_has_role('repurch_app', r.oid, 'MEMBER')
              AND (r.rolsuper OR r.rolbypassrls OR r.rolname IN ('repurch_auth', 'repurch_owner')
                   OR EXISTS (SELECT FROM pg_class c WHERE c.relowner = r.oid AND c.relname = ANY($1)))
            """, (object)tables.ToArray());
        Assert.True(memberOf.Length == 0, $"repurch_app can act as {string.Join(", ", memberOf)}");
    }

    [Fact]
    public async Task A_pooled_connection_does_not_carry_its_brand_to_the_next_open()
    {
        var brand = await BrandWithListingsAsync(1);
        int pid;
        await using (var conn = await App.OpenConnectionAsync())
        {
            await SetBrandAsync(conn, brand.Id);
            Assert.Equal(1L, await ScalarAsync<long>(conn, "SELECT count(*) FROM listings"));
            pid = conn.ProcessID;
        }

        // The pool hands idle connections out oldest first and other tests share it, so keep
        // opening until the very session that had the brand comes back; every one on the way
        // must be clean too.
        var cameBack = false;
        for (var attempt = 0; attempt < 500 && !cameBack; attempt++)
        {
            await using var next = await App.OpenConnectionAsync();
            Assert.Equal(0L, await ScalarAsync<long>(next, "SELECT count(*) FROM listings"));
            Assert.True(string.IsNullOrEmpty(await ScalarAsync<string?>(next, "SELECT current_setting('app.brand_id', true)")));
            cameBack = next.ProcessID == pid;
        }
        Assert.True(cameBack, "the pool never handed the branded session back, so nothing was proven");
    }

    [Fact]
    public async Task A_context_without_a_brand_sees_nothing_right_after_a_branded_context_used_the_pool()
    {
        var brand = await BrandWithListingsAsync(1);
        for (var i = 0; i < 5; i++)
        {
            await using (var branded = Api.Planes.Open(Plane.Live, brand.Id))
            {
                Assert.Equal(1, await branded.Listings.CountAsync());
            }
            await using var unbranded = Api.Planes.Open(Plane.Live, null);
            Assert.Equal(0, await unbranded.Listings.CountAsync());
            Assert.Equal(0, await unbranded.Brands.CountAsync());
        }
    }

    [Fact]
    public async Task A_context_without_a_brand_clears_a_brand_left_on_its_connection()
    {
        // A pool that does not reset connections (No Reset On Close), with room for one session,
        // so the brand a raw connection leaves behind is certainly still there for the next user.
        var a = await BrandWithListingsAsync(1);
        var b = await BrandWithListingsAsync(2);
        var csb = new NpgsqlConnectionStringBuilder(ConnectionSettings.Normalize(ApiFactory.Configuration["REPURCH_DATABASE_URL"]!))
        {
            NoResetOnClose = true,
            MaxPoolSize = 1,
        };
        await using var leaky = NpgsqlDataSource.Create(csb.ConnectionString);
        await using (var conn = await leaky.OpenConnectionAsync())
        {
            await SetBrandAsync(conn, a.Id);
        }
        await using (var conn = await leaky.OpenConnectionAsync())
        {
            // Control: without a reset the session still carries brand A.
            Assert.Equal(1L, await ScalarAsync<long>(conn, "SELECT count(*) FROM listings"));
        }

        await using (var unbranded = new RepurchDb(Options(leaky)) { BrandId = null })
        {
            Assert.Equal(0, await unbranded.Listings.CountAsync());
            Assert.Equal(0, await unbranded.Brands.CountAsync());
        }
        await using (var branded = new RepurchDb(Options(leaky)) { BrandId = b.Id })
        {
            Assert.Equal([b.Id, b.Id], await branded.Listings.Select(l => l.BrandId).ToListAsync());
        }

        static DbContextOptions<RepurchDb> Options(NpgsqlDataSource dataSource)
        {
            var builder = new DbContextOptionsBuilder<RepurchDb>();
            DataPlanes.Configure(builder, dataSource);
            return builder.Options;
        }
    }

    [Fact]
    public async Task A_request_for_one_brand_never_sees_the_previous_requests_brand()
    {
        // Alternate brands over the same pool, many times, and in parallel: every answer is the caller's own.
        var a = await BrandWithListingsAsync(1);
        var b = await BrandWithListingsAsync(2);
        var aClient = Api.ClientWith(a.AdminKey);
        var bClient = Api.ClientWith(b.AdminKey);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var (client, brand) = i % 2 == 0 ? (aClient, a) : (bClient, b);
            var body = await (await client.GetAsync("/v1/listings")).JsonAsync();
            return (brand, body);
        }));

        foreach (var (brand, body) in results)
        {
            Assert.Equal(brand.Id, body.GetProperty("meta").GetProperty("brand_id").GetString());
            Assert.Equal(brand == a ? 1 : 2, body.GetProperty("meta").GetProperty("total").GetInt32());
            Assert.All(body.GetProperty("data").EnumerateArray(), d => Assert.Equal(brand.Id, d.GetProperty("brand_id").GetString()));
        }
    }

    // --- Helpers ------------------------------------------------------------------------------

    private async Task<TestBrand> BrandWithListingsAsync(int count)
    {
        var brand = await NewBrandAsync();
        var client = Api.ClientWith(brand.AdminKey);
        // An endpoint that cannot be reached fills the webhook tables with deliveries and attempts.
        var endpoint = await client.PostJsonAsync("/v1/webhooks/endpoints", """{"url":"https://hooks.invalid/rls","event_types":["listing.created"]}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, endpoint.StatusCode);
        var first = 0L;
        for (var i = 0; i < count; i++) first = await Infrastructure.Listings.CreateAsync(client);
        await Money.MoneyRows.FillAsync(Api, brand, first);
        await Conversations.ConversationRows.FillAsync(Api, brand, first);
        for (var i = 0; i < 200 && await AdminScalarAsync<long>(Plane.Live, "SELECT count(*) FROM webhook_attempts WHERE brand_id = $1", brand.Id) == 0; i++)
            await Task.Delay(100);
        return brand;
    }

    /// <summary>
    /// Puts a row for the brand into every tenant table: tokens, settings, warehouses, audit log,
    /// attachments, (the changes carry an Idempotency-Key) idempotency keys, and request usage.
    /// </summary>
    private async Task ExchangeTokenAsync(TestBrand brand)
    {
        var client = Api.ClientWith(brand.AdminKey);
        var response = await client.PostAsync("/v1/auth/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (method, url, body) in new[]
        {
            ("PATCH", "/v1/partner/settings/brand", """{"display_name":"RLS brand"}"""),
            ("PATCH", "/v1/partner/settings/billing", """{"company_name":"RLS Ltd"}"""),
            ("POST", "/v1/partner/settings/warehouses", """{"label":"RLS DC"}"""),
            ("PATCH", "/v1/partner/settings/taxonomy", """{"colours":{"add":["Sage"]}}"""),
            ("PATCH", "/v1/partner/settings/cross-listing", """{"categories":{"Armchairs":false}}"""),
            ("PATCH", "/v1/partner/settings/trust", """{"allowed_domains":["rls.example.com"]}"""),
            ("POST", "/v1/listings/upload-photo", Media.TestImages.UploadBody(Media.TestImages.Jpeg(8, 8))),
        })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = HttpExtensions.JsonContent(body) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var r = await client.SendAsync(request);
            Assert.True(r.IsSuccessStatusCode, $"{method} {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
        // Request usage is written in batches; write these requests' now.
        await Api.Services.GetRequiredService<Repurch.Api.Observability.UsageRecorder>().FlushAsync();
        // A finished bulk job: bulk_jobs, bulk_job_files and bulk_job_rows.
        var job = await Bulk.BulkFiles.StartJobAsync(client, Bulk.BulkFiles.Raw(Bulk.BulkFiles.Utf8(Bulk.BulkFiles.Csv(Bulk.BulkFiles.ValidRow(1)))), "?mode=validate");
        await Bulk.BulkFiles.WaitAsync(client, job.GetProperty("id").GetString()!);
    }

    /// <summary>
    /// Tables with a brand_id that are deliberately not tenant tables. bulk_job_queue lets the worker
    /// find pending jobs of every brand before it can open a brand-scoped context; it holds ids and a
    /// lease only, which the test below pins so it can never grow data; the app role reaches it only
    /// through SECURITY DEFINER functions (Every_table_the_app_role_can_touch_is_a_tenant_table holds).
    /// </summary>
    private static readonly string[] NonTenantTables = ["bulk_job_queue"];

    [Theory]
    [InlineData(Plane.Live)]
    [InlineData(Plane.Sandbox)]
    public async Task The_bulk_job_queue_holds_ids_and_a_lease_only(Plane plane)
    {
        await using var admin = await AdminAsync(plane);
        await using var cmd = new NpgsqlCommand("""
            SELECT array_agg(column_name::text ORDER BY ordinal_position) FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'bulk_job_queue'
            """, admin);
        var columns = (string[])(await cmd.ExecuteScalarAsync())!;
        Assert.Equal(["job_id", "brand_id", "enqueued_at", "locked_until", "attempts"], columns);
    }

    private static async Task SetBrandAsync(NpgsqlConnection conn, string brandId)
    {
        await using var cmd = new NpgsqlCommand("SELECT set_config('app.brand_id', $1, false)", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = brandId });
        await cmd.ExecuteNonQueryAsync();
    }

    private static Task<int> InsertListingAsync(NpgsqlConnection conn, string brandId) => ExecuteAsync(conn, """
        INSERT INTO listings (brand_id, owner_type, title, channel, status, regular_price, delivery_contribution, condition,
                              category, quantity, measurements, exposed_to, faults, images, view_count, slug)
        VALUES ($1, 'brand', 'Raw SQL sofa', 'exchange', 'active', 100, 0, 'fair',
                'Armchairs', 1, '[]', '{}', '{None}', '{}', 0, 'raw-sql-sofa')
        """, brandId);

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        return await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    private static async Task<T> AdminScalarAsync<T>(Plane plane, string sql, params object[] args)
    {
        await using var admin = await AdminAsync(plane);
        return await ScalarAsync<T>(admin, sql, args);
    }

    /// <summary>A superuser connection to the plane's database, for inspection only.</summary>
    private static async Task<NpgsqlConnection> AdminAsync(Plane plane)
    {
        var live = ApiFactory.Configuration["REPURCH_ADMIN_DATABASE_URL"];
        if (string.IsNullOrWhiteSpace(live))
            throw new InvalidOperationException("REPURCH_ADMIN_DATABASE_URL is not set: run the suite with ./test, which provides a superuser connection for inspection.");
        var cs = ConnectionSettings.Normalize(live);
        if (plane == Plane.Sandbox) cs = ConnectionSettings.SandboxOf(cs);
        var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>Every public table with a <c>brand_id</c> column, plus <c>brands</c>.</summary>
    private static async Task<List<string>> TenantTablesAsync(Plane plane)
    {
        await using var admin = await AdminAsync(plane);
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND (c.relname = 'brands' OR EXISTS (
                    SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'brand_id' AND NOT a.attisdropped))
            ORDER BY c.relname
            """, admin);
        await using var reader = await cmd.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables.Except(NonTenantTables).ToList();
    }
}
