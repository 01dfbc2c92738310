using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceReadAntiJoin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The marketplace policy called listing_is_cross_listed() per row: a SECURITY DEFINER function the
            // planner cannot inline, so counting the feed ran it once per visible listing (seconds at 1M).
            // As an anti-join over the opt-outs the planner hashes the rules once. The marketplace role reads
            // every brand's cross-listing rules for that (which categories each brand keeps off it: not secret).
            migrationBuilder.Sql("""
                GRANT SELECT ON cross_listing_rules TO repurch_marketplace;
                CREATE POLICY marketplace_read ON cross_listing_rules FOR SELECT TO repurch_marketplace USING (true);
                DROP POLICY IF EXISTS marketplace_read ON listings;
                CREATE POLICY marketplace_read ON listings FOR SELECT TO repurch_marketplace
                  USING (deleted_at IS NULL AND status = 'active' AND NOT EXISTS (
                    SELECT 1 FROM cross_listing_rules r
                    WHERE r.brand_id = listings.brand_id AND r.category = listings.category AND NOT r.on_marketplace));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS marketplace_read ON listings;
                CREATE POLICY marketplace_read ON listings FOR SELECT TO repurch_marketplace
                  USING (deleted_at IS NULL AND status = 'active' AND listing_is_cross_listed(brand_id, category));
                DROP POLICY IF EXISTS marketplace_read ON cross_listing_rules;
                REVOKE SELECT ON cross_listing_rules FROM repurch_marketplace;
                """);
        }
    }
}
