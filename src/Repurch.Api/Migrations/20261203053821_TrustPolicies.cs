using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>Each brand's screening policy (allowed domains, hold or block per reason) under forced row-level security.</summary>
    public partial class TrustPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trust_policies",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    allowed_domains = table.Column<string[]>(type: "text[]", nullable: false),
                    actions = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trust_policies", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_trust_policies_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                ALTER TABLE trust_policies ENABLE ROW LEVEL SECURITY;
                ALTER TABLE trust_policies FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON trust_policies
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE ON trust_policies TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trust_policies");
        }
    }
}
