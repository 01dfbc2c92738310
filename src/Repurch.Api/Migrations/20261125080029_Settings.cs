using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class Settings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "warehouse_id",
                table: "listings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "created_by_key_id",
                table: "api_keys",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_key_prefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_log_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "billing_entities",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    company_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    company_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    vat_number = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    invoice_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_entities", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_billing_entities_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brand_profiles",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    tagline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    support_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    support_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    logo_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    accent_color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_profiles", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_brand_profiles_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brand_taxonomies",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    brands = table.Column<string[]>(type: "text[]", nullable: true),
                    colours = table.Column<string[]>(type: "text[]", nullable: true),
                    fabrics = table.Column<string[]>(type: "text[]", nullable: true),
                    ages = table.Column<string[]>(type: "text[]", nullable: true),
                    categories = table.Column<string[]>(type: "text[]", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_taxonomies", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_brand_taxonomies_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cross_listing_rules",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    on_marketplace = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cross_listing_rules", x => new { x.brand_id, x.category });
                    table.ForeignKey(
                        name: "fk_cross_listing_rules_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "warehouses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    address1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warehouses", x => x.id);
                    table.ForeignKey(
                        name: "fk_warehouses_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listings_warehouse_id",
                table: "listings",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_brand_id_id",
                table: "audit_log",
                columns: new[] { "brand_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_warehouses_brand_id_created_at",
                table: "warehouses",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_listings_warehouses_warehouse_id",
                table: "listings",
                column: "warehouse_id",
                principalTable: "warehouses",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Tenancy for the new tables, as in RowLevelSecurity.
            foreach (var table in new[] { "brand_profiles", "billing_entities", "warehouses", "brand_taxonomies", "cross_listing_rules", "audit_log" })
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY brand_isolation ON {table}
                      USING (brand_id = current_setting('app.brand_id', true))
                      WITH CHECK (brand_id = current_setting('app.brand_id', true));
                    """);
            }
            migrationBuilder.Sql("""
                GRANT SELECT, INSERT, UPDATE, DELETE ON brand_profiles, billing_entities, warehouses, brand_taxonomies, cross_listing_rules TO repurch_app;
                -- The audit log is append-only: the app may read and add, never change or remove.
                GRANT SELECT, INSERT ON audit_log TO repurch_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO repurch_app;
                CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

                -- At most one default warehouse per brand, checked at commit so a swap can happen in any order.
                ALTER TABLE warehouses ADD CONSTRAINT warehouses_one_default
                  EXCLUDE USING btree (brand_id WITH =) WHERE (is_default) DEFERRABLE INITIALLY DEFERRED;
                -- And at least one while the brand has any warehouse.
                CREATE FUNCTION warehouses_need_a_default() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE b text := COALESCE(NEW.brand_id, OLD.brand_id);
                BEGIN
                  IF EXISTS (SELECT 1 FROM warehouses WHERE brand_id = b)
                     AND (SELECT count(*) FROM warehouses WHERE brand_id = b AND is_default) <> 1 THEN
                    RAISE EXCEPTION 'brand % must have exactly one default warehouse', b USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER warehouses_exactly_one_default
                  AFTER INSERT OR UPDATE OR DELETE ON warehouses
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION warehouses_need_a_default();

                -- Cross-listing: the marketplace reads other brands' active listings through its own
                -- read-only policy, which asks each brand's per-category rule (default: listed).
                GRANT SELECT ON cross_listing_rules TO repurch_auth;
                CREATE POLICY marketplace_lookup ON cross_listing_rules FOR SELECT TO repurch_auth USING (true);
                CREATE FUNCTION listing_is_cross_listed(p_brand text, p_category text) RETURNS boolean
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT COALESCE((SELECT r.on_marketplace FROM cross_listing_rules r
                                   WHERE r.brand_id = p_brand AND r.category = p_category), true)
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION listing_is_cross_listed(text, text) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION listing_is_cross_listed(text, text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION listing_is_cross_listed(text, text) TO repurch_app;
                CREATE POLICY marketplace_read ON listings FOR SELECT TO repurch_app
                  USING (current_setting('app.marketplace', true) = 'on'
                         AND deleted_at IS NULL AND status = 'active'
                         AND listing_is_cross_listed(brand_id, category));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS marketplace_read ON listings;
                DROP FUNCTION IF EXISTS listing_is_cross_listed(text, text);
                DROP TRIGGER IF EXISTS warehouses_exactly_one_default ON warehouses;
                DROP FUNCTION IF EXISTS warehouses_need_a_default();
                DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
                DROP FUNCTION IF EXISTS audit_log_is_append_only();
                """);
            migrationBuilder.DropForeignKey(
                name: "fk_listings_warehouses_warehouse_id",
                table: "listings");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "billing_entities");

            migrationBuilder.DropTable(
                name: "brand_profiles");

            migrationBuilder.DropTable(
                name: "brand_taxonomies");

            migrationBuilder.DropTable(
                name: "cross_listing_rules");

            migrationBuilder.DropTable(
                name: "warehouses");

            migrationBuilder.DropIndex(
                name: "ix_listings_warehouse_id",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "warehouse_id",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "created_by_key_id",
                table: "api_keys");
        }
    }
}
