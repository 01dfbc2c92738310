using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    path = table.Column<string>(type: "text", nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    response_status = table.Column<int>(type: "integer", nullable: false),
                    response_body = table.Column<byte[]>(type: "bytea", nullable: false),
                    response_content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    response_location = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.brand_id, x.key });
                    table.ForeignKey(
                        name: "fk_idempotency_keys_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_brand_id_expires_at",
                table: "idempotency_keys",
                columns: new[] { "brand_id", "expires_at" });

            // Tenancy, as in RowLevelSecurity: a brand sees and writes only its own keys.
            migrationBuilder.Sql("""
                ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
                ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON idempotency_keys
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");
        }
    }
}
