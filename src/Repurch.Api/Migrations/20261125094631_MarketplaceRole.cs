using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// The marketplace policy moves from a session flag on the app role to its own role. A permissive
    /// policy for the app role is OR'd into every partner query, and its columns (status, category)
    /// forced a heap visit per row even where an index-only scan would do; a policy for another role
    /// costs partner queries nothing. The marketplace context switches to the role for its session.
    /// </summary>
    public partial class MarketplaceRole : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_marketplace') THEN
                    RAISE EXCEPTION 'role repurch_marketplace is missing: CREATE ROLE repurch_marketplace NOLOGIN; GRANT repurch_marketplace TO repurch_app';
                  END IF;
                  -- A policy for a role applies to every role that inherits it: the app role must not.
                  IF (SELECT rolinherit FROM pg_roles WHERE rolname = 'repurch_app') THEN
                    RAISE EXCEPTION 'role repurch_app must be NOINHERIT (ALTER ROLE repurch_app NOINHERIT) so the marketplace policy applies only after switching roles';
                  END IF;
                END $$;
                DROP POLICY IF EXISTS marketplace_read ON listings;
                GRANT SELECT ON listings TO repurch_marketplace;
                GRANT EXECUTE ON FUNCTION listing_is_cross_listed(text, text) TO repurch_marketplace;
                CREATE POLICY marketplace_read ON listings FOR SELECT TO repurch_marketplace
                  USING (deleted_at IS NULL AND status = 'active' AND listing_is_cross_listed(brand_id, category));
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS marketplace_read ON listings;
                REVOKE SELECT ON listings FROM repurch_marketplace;
                CREATE POLICY marketplace_read ON listings FOR SELECT TO repurch_app
                  USING (current_setting('app.marketplace', true) = 'on'
                         AND deleted_at IS NULL AND status = 'active'
                         AND listing_is_cross_listed(brand_id, category));
                """);
        }
    }
}
