using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class RequestUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_usage",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    route = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    errors_4xx = table.Column<long>(type: "bigint", nullable: false),
                    errors_5xx = table.Column<long>(type: "bigint", nullable: false),
                    latency_ms_buckets = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_usage", x => new { x.brand_id, x.hour, x.route });
                    table.ForeignKey(
                        name: "fk_request_usage_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Tenancy, as in RowLevelSecurity: a brand sees and writes only its own usage.
            migrationBuilder.Sql("""
                ALTER TABLE request_usage ENABLE ROW LEVEL SECURITY;
                ALTER TABLE request_usage FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON request_usage
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE, DELETE ON request_usage TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_usage");
        }
    }
}
