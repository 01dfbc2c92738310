using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class BrandDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brand_domains",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    storefront = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    verification_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_domains", x => x.id);
                    table.ForeignKey(
                        name: "fk_brand_domains_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_brand_domains_brand_id_host",
                table: "brand_domains",
                columns: new[] { "brand_id", "host" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_brand_domains_verified_host",
                table: "brand_domains",
                column: "host",
                unique: true,
                filter: "verified_at IS NOT NULL");
            migrationBuilder.Sql("""
                ALTER TABLE brand_domains ENABLE ROW LEVEL SECURITY;
                ALTER TABLE brand_domains FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON brand_domains
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE, DELETE ON brand_domains TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_domains");
        }
    }
}
