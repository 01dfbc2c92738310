using Repurch.Api.Persistence;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Isolation;

/// <summary>
/// SECURITY DEFINER functions run past row-level security, so each one the app may call is a reviewed
/// hole in tenant isolation. This pins the list: a new one fails here until someone has checked that it
/// tells its caller nothing about another brand beyond what it must (the credit-code leak came through
/// such a look-up that answered any marketplace).
/// </summary>
public sealed class SecurityDefinerFunctionsTests : ApiTest
{
    private static readonly string[] Reviewed =
    [
        // Credential look-ups by secret hash: the caller already holds the secret.
        "auth_find_api_key", "auth_find_refresh_token", "auth_find_signing_key",
        // Yes/no for the marketplace read policy.
        "listing_is_cross_listed",
        // Brand ids with due deliveries, for the dispatcher (which then works in each brand's session).
        "webhook_due_brands",
        // The seller's brand, only for a marketplace the seller has sold through.
        "marketplace_seller_brand",
        // Brand of a payout named in a PayPal webhook whose signature PayPal has verified.
        "payout_brand",
        // Brand ids with escrow releases and payouts due, for the sweep.
        "money_due_work",
        // Disputes' look-ups (reviewed by the disputes helper): a dispute id's brand and the disputes list
        // for the platform operator, and the order a PayPal dispute webhook's capture names.
        "dispute_brand", "operator_disputes", "order_by_capture",
        // Yes/no: does another brand hold this code hash.
        "credit_code_elsewhere",
        // The bulk job queue (job id, brand id, lease).
        "bulk_job_enqueue", "bulk_job_claim", "bulk_job_lease", "bulk_job_dequeue",
        // Listing search candidates (ids and rank): only live listings the session sees anyway, its own
        // brand's, or for the marketplace role every brand's cross-listed ones (ADR 0008).
        "listing_text_search",
    ];

    [Theory]
    [InlineData(Plane.Live)]
    [InlineData(Plane.Sandbox)]
    public async Task The_app_can_call_only_the_reviewed_security_definer_functions(Plane plane)
    {
        await using var cmd = Api.Planes.For(plane).CreateCommand("""
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.prosecdef AND n.nspname = 'public' AND has_function_privilege(current_user, p.oid, 'EXECUTE')
             ORDER BY 1
            """);
        var names = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        Assert.Equal(Reviewed.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task The_search_function_finds_only_the_sessions_own_live_listings()
    {
        var mine = await NewBrandAsync();
        var theirs = await NewBrandAsync();
        var own = await Infrastructure.Listings.CreateAsync(Api.ClientWith(mine.AdminKey), """{"title": "Quokka velvet sofa", "price_gbp": 450, "condition": "excellent", "category": "Corner Sofas"}""");
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(mine.AdminKey), """{"title": "Quokka draft sofa", "price_gbp": 450, "condition": "excellent", "category": "Corner Sofas", "status": "draft"}""");
        await Infrastructure.Listings.CreateAsync(Api.ClientWith(theirs.AdminKey), """{"title": "Quokka velvet sofa", "price_gbp": 450, "condition": "excellent", "category": "Corner Sofas"}""");

        async Task<List<long>> SearchAs(string? brand, bool fuzzy)
        {
            await using var conn = await Api.Planes.For(Plane.Live).OpenConnectionAsync();
            await using (var session = BrandSession.Command(conn, brand)) await session.ExecuteNonQueryAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(
                "SELECT listing_id FROM listing_text_search(ARRAY['quokka'], $1, 'quokka', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 100)", conn);
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = fuzzy });
            var ids = new List<long>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
            return ids;
        }

        Assert.Equal([own], await SearchAs(mine.Id, fuzzy: false));
        Assert.Equal([own], await SearchAs(mine.Id, fuzzy: true));
        Assert.Empty(await SearchAs(null, fuzzy: false));
    }

    [Fact]
    public async Task The_seller_look_up_answers_only_a_marketplace_the_seller_has_sold_through()
    {
        var brand = await NewBrandAsync();
        var store = await Money.Storefront.CreateAsync(Api);
        await store.BuyAsync(await brand.AddTradeInAsync(Api.Planes));
        var other = await NewBrandAsync();

        async Task<object?> LookUp(string marketplace)
        {
            await using var cmd = Api.Planes.For(Plane.Live).CreateCommand("SELECT marketplace_seller_brand($1, $2)");
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = brand.SellerId });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = marketplace });
            return await cmd.ExecuteScalarAsync();
        }

        Assert.Equal(brand.Id, await LookUp(store.BrandId));
        Assert.Equal(DBNull.Value, await LookUp(other.Id));
        Assert.Equal(DBNull.Value, await LookUp(brand.Id));
    }
}
