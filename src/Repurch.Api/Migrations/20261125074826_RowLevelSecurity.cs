using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Row-level security on every tenant table, forced so even the owner is subject to it, with one
    /// policy on <c>app.brand_id</c>. The app role gets plain DML; credential look-ups by hash go
    /// through SECURITY DEFINER functions owned by <c>repurch_auth</c>, the only role with a
    /// read-any-row policy on the credential tables.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] TenantTables = ["api_keys", "signing_keys", "refresh_tokens", "sellers", "listings"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_app') THEN
                    RAISE EXCEPTION 'role repurch_app is missing: create it (LOGIN, NOSUPERUSER, NOBYPASSRLS) before migrating';
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_auth') THEN
                    RAISE EXCEPTION 'role repurch_auth is missing: CREATE ROLE repurch_auth NOLOGIN; GRANT repurch_auth TO <migrating role>';
                  END IF;
                END $$;
                """);

            migrationBuilder.Sql("""
                ALTER TABLE brands ENABLE ROW LEVEL SECURITY;
                ALTER TABLE brands FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON brands
                  USING (id = current_setting('app.brand_id', true))
                  WITH CHECK (id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE ON brands TO repurch_app;
                """);
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY brand_isolation ON {table}
                      USING (brand_id = current_setting('app.brand_id', true))
                      WITH CHECK (brand_id = current_setting('app.brand_id', true));
                    GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO repurch_app;
                    """);
            }
            migrationBuilder.Sql("""
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO repurch_app;

                GRANT SELECT ON api_keys, refresh_tokens, signing_keys TO repurch_auth;
                CREATE POLICY auth_lookup ON api_keys FOR SELECT TO repurch_auth USING (true);
                CREATE POLICY auth_lookup ON refresh_tokens FOR SELECT TO repurch_auth USING (true);
                CREATE POLICY auth_lookup ON signing_keys FOR SELECT TO repurch_auth USING (true);

                CREATE FUNCTION auth_find_api_key(p_hash bytea)
                RETURNS TABLE (id uuid, brand_id text, role text, scopes text[], revoked boolean)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT k.id, k.brand_id, k.role, k.scopes, k.revoked_at IS NOT NULL
                  FROM api_keys k WHERE k.secret_hash = p_hash
                $$;
                CREATE FUNCTION auth_find_refresh_token(p_hash bytea)
                RETURNS TABLE (id uuid, brand_id text, family_id uuid, api_key_id uuid, expires_at timestamptz, used boolean, revoked boolean)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT t.id, t.brand_id, t.family_id, t.api_key_id, t.expires_at, t.used_at IS NOT NULL, t.revoked_at IS NOT NULL
                  FROM refresh_tokens t WHERE t.token_hash = p_hash
                $$;
                CREATE FUNCTION auth_find_signing_key(p_kid text)
                RETURNS TABLE (kid text, brand_id text, secret bytea)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT s.kid, s.brand_id, s.secret FROM signing_keys s WHERE s.kid = p_kid
                $$;
                -- A new owner needs CREATE on the schema only for the hand-over.
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION auth_find_api_key(bytea) OWNER TO repurch_auth;
                ALTER FUNCTION auth_find_refresh_token(bytea) OWNER TO repurch_auth;
                ALTER FUNCTION auth_find_signing_key(text) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION auth_find_api_key(bytea), auth_find_refresh_token(bytea), auth_find_signing_key(text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION auth_find_api_key(bytea), auth_find_refresh_token(bytea), auth_find_signing_key(text) TO repurch_app;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS auth_find_api_key(bytea);
                DROP FUNCTION IF EXISTS auth_find_refresh_token(bytea);
                DROP FUNCTION IF EXISTS auth_find_signing_key(text);
                DROP POLICY IF EXISTS auth_lookup ON api_keys;
                DROP POLICY IF EXISTS auth_lookup ON refresh_tokens;
                DROP POLICY IF EXISTS auth_lookup ON signing_keys;
                DROP POLICY IF EXISTS brand_isolation ON brands;
                ALTER TABLE brands NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE brands DISABLE ROW LEVEL SECURITY;
                """);
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    DROP POLICY IF EXISTS brand_isolation ON {table};
                    ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                    ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                    """);
            }
        }
    }
}
