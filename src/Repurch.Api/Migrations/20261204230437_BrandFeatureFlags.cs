using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class BrandFeatureFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brand_feature_flags",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_feature_flags", x => new { x.brand_id, x.name });
                    table.ForeignKey(
                        name: "fk_brand_feature_flags_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
            // The app reads a brand's flags under its session and only the operator paths write them (under the target brand's session).
            migrationBuilder.Sql("""
                ALTER TABLE brand_feature_flags ENABLE ROW LEVEL SECURITY;
                ALTER TABLE brand_feature_flags FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON brand_feature_flags
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE, DELETE ON brand_feature_flags TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_feature_flags");
        }
    }
}
