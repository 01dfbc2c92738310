using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// The seller's view of their credit codes told any marketplace key which brand a seller id belongs
    /// to (<c>seller_brand</c>), and so let a second marketplace read every consumer's codes. The new
    /// look-up answers only a marketplace the seller has sold through; the old one is gone.
    /// </summary>
    public partial class MarketplaceSellerLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION marketplace_seller_brand(p_seller bigint, p_marketplace text) RETURNS text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT s.brand_id FROM sellers s
                   WHERE s.id = p_seller
                     AND EXISTS (SELECT 1 FROM orders o
                                  WHERE o.brand_id = s.brand_id AND o.seller_id = s.id AND o.marketplace_brand_id = p_marketplace)
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION marketplace_seller_brand(bigint, text) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION marketplace_seller_brand(bigint, text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION marketplace_seller_brand(bigint, text) TO repurch_app;
                DROP FUNCTION seller_brand(bigint);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION seller_brand(p_seller bigint) RETURNS text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT brand_id FROM sellers WHERE id = p_seller
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION seller_brand(bigint) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION seller_brand(bigint) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION seller_brand(bigint) TO repurch_app;
                DROP FUNCTION IF EXISTS marketplace_seller_brand(bigint, text);
                """);
        }
    }
}
