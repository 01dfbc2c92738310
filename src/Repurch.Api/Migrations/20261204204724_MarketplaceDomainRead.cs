using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceDomainRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The web tier resolves custom hosts with the marketplace key: verified rows only, read only.
            migrationBuilder.Sql("""
                GRANT SELECT ON brand_domains TO repurch_marketplace;
                CREATE POLICY marketplace_read ON brand_domains FOR SELECT TO repurch_marketplace
                  USING (verified_at IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS marketplace_read ON brand_domains;
                REVOKE SELECT ON brand_domains FROM repurch_marketplace;
                """);
        }
    }
}
