using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class ListingTextSearchFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text and trigram operators are not leakproof, so under row-level security PostgreSQL applies
            // them only after the policies, row by row, and never through the GIN indexes: a search read every
            // visible listing (a second at a million). This function finds the candidates as repurch_auth, whose
            // own policy admits every row, applying the same visibility itself (live listings; the session's brand,
            // or for the marketplace role every brand's cross-listed ones). Callers still join its ids to listings
            // under their own policies, so a candidate the session may not see is dropped again there.
            migrationBuilder.Sql("""
                GRANT SELECT ON listings TO repurch_auth;
                CREATE POLICY search_lookup ON listings FOR SELECT TO repurch_auth USING (true);
                CREATE FUNCTION listing_text_search(p_query tsquery, p_text text, p_brand text, p_category text, p_channel text,
                    p_condition text, p_colour text, p_fabric text, p_item_type text, p_min numeric, p_max numeric, p_limit integer)
                RETURNS TABLE (listing_id bigint, rank real)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 1000 AS $$
                  SELECT l.id, (ts_rank_cd(l.search_document, p_query) + word_similarity(p_text, l.title))::real
                  FROM listings l
                  WHERE l.search_document @@ p_query
                    AND l.deleted_at IS NULL AND l.status = 'active' AND l.quantity > 0
                    AND CASE WHEN current_setting('role') = 'repurch_marketplace'
                             THEN NOT EXISTS (SELECT 1 FROM cross_listing_rules r
                                              WHERE r.brand_id = l.brand_id AND r.category = l.category AND NOT r.on_marketplace)
                             ELSE l.brand_id = current_setting('app.brand_id', true) END
                    AND (p_brand IS NULL OR l.brand_id = p_brand)
                    AND (p_category IS NULL OR l.category = p_category)
                    AND (p_channel IS NULL OR l.channel = p_channel)
                    AND (p_condition IS NULL OR l.condition = p_condition)
                    AND (p_colour IS NULL OR l.colour = p_colour)
                    AND (p_fabric IS NULL OR l.fabric = p_fabric)
                    AND (p_item_type IS NULL OR l.item_type = p_item_type)
                    AND (p_min IS NULL OR coalesce(l.sale_price, l.regular_price) >= p_min)
                    AND (p_max IS NULL OR coalesce(l.sale_price, l.regular_price) <= p_max)
                  ORDER BY l.created_at DESC, l.id DESC
                  LIMIT p_limit
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION listing_text_search(tsquery, text, text, text, text, text, text, text, text, numeric, numeric, integer) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION listing_text_search(tsquery, text, text, text, text, text, text, text, text, numeric, numeric, integer) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION listing_text_search(tsquery, text, text, text, text, text, text, text, text, numeric, numeric, integer) TO repurch_app, repurch_marketplace;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS listing_text_search(tsquery, text, text, text, text, text, text, text, text, numeric, numeric, integer);
                DROP POLICY IF EXISTS search_lookup ON listings;
                REVOKE SELECT ON listings FROM repurch_auth;
                """);
        }
    }
}
