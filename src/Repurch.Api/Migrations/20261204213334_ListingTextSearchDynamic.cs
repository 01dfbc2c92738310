using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class ListingTextSearchDynamic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // listing_text_search() as PL/pgSQL with a query built per call: planned with the call's own values (a filter
            // left out drops out of the plan), and the typo-tolerant second try (a word may resemble a title word,
            // through the trigram index) runs in here too instead of row by row under the policies.
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS listing_text_search(tsquery, text, text, text, text, text, text, text, text, numeric, numeric, integer);
                CREATE FUNCTION listing_text_search(p_words text[], p_fuzzy boolean, p_text text, p_brand text, p_category text, p_channel text,
                    p_condition text, p_colour text, p_fabric text, p_item_type text, p_min numeric, p_max numeric, p_limit integer)
                RETURNS TABLE (listing_id bigint, rank real)
                LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 1000 AS $fn$
                DECLARE
                  q tsquery;
                  cond text := '';
                  w text;
                BEGIN
                  IF coalesce(array_length(p_words, 1), 0) = 0 THEN RETURN; END IF;
                  -- Every word as a prefix; to_tsquery drops stop words ("the").
                  q := to_tsquery('english', array_to_string(ARRAY(SELECT x || ':*' FROM unnest(p_words) x), ' & '));
                  IF NOT p_fuzzy THEN
                    cond := ' AND l.search_document @@ $1';
                  ELSE
                    FOREACH w IN ARRAY p_words LOOP
                      -- A word may resemble a title word instead; a stop word asks for nothing.
                      cond := cond || format(' AND (numnode(to_tsquery(''english'', %L)) = 0 OR l.search_document @@ to_tsquery(''english'', %L) OR %L <%% l.title)',
                        w || ':*', w || ':*', w);
                    END LOOP;
                  END IF;
                  IF p_brand IS NOT NULL THEN cond := cond || ' AND l.brand_id = $3'; END IF;
                  IF p_category IS NOT NULL THEN cond := cond || ' AND l.category = $4'; END IF;
                  IF p_channel IS NOT NULL THEN cond := cond || ' AND l.channel = $5'; END IF;
                  IF p_condition IS NOT NULL THEN cond := cond || ' AND l.condition = $6'; END IF;
                  IF p_colour IS NOT NULL THEN cond := cond || ' AND l.colour = $7'; END IF;
                  IF p_fabric IS NOT NULL THEN cond := cond || ' AND l.fabric = $8'; END IF;
                  IF p_item_type IS NOT NULL THEN cond := cond || ' AND l.item_type = $9'; END IF;
                  IF p_min IS NOT NULL THEN cond := cond || ' AND coalesce(l.sale_price, l.regular_price) >= $10'; END IF;
                  IF p_max IS NOT NULL THEN cond := cond || ' AND coalesce(l.sale_price, l.regular_price) <= $11'; END IF;
                  IF current_setting('role') = 'repurch_marketplace' THEN
                    cond := cond || ' AND NOT EXISTS (SELECT 1 FROM cross_listing_rules r WHERE r.brand_id = l.brand_id AND r.category = l.category AND NOT r.on_marketplace)';
                  ELSE
                    cond := cond || ' AND l.brand_id = current_setting(''app.brand_id'', true)';
                  END IF;
                  RETURN QUERY EXECUTE
                    'SELECT l.id, (ts_rank_cd(l.search_document, $1) + word_similarity($2, l.title))::real FROM listings l '
                    || 'WHERE l.deleted_at IS NULL AND l.status = ''active'' AND l.quantity > 0' || cond
                    || ' ORDER BY l.created_at DESC, l.id DESC LIMIT $12'
                    USING q, p_text, p_brand, p_category, p_channel, p_condition, p_colour, p_fabric, p_item_type, p_min, p_max, p_limit;
                END
                $fn$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION listing_text_search(text[], boolean, text, text, text, text, text, text, text, text, numeric, numeric, integer) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION listing_text_search(text[], boolean, text, text, text, text, text, text, text, text, numeric, numeric, integer) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION listing_text_search(text[], boolean, text, text, text, text, text, text, text, text, numeric, numeric, integer) TO repurch_app, repurch_marketplace;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS listing_text_search(text[], boolean, text, text, text, text, text, text, text, text, numeric, numeric, integer);");
        }
    }
}
