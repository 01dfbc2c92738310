using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class Attachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    filename = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    mime = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    medium_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    large_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    frames = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_attachments_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_brand_id_created_at",
                table: "attachments",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_storage_key",
                table: "attachments",
                column: "storage_key",
                unique: true);

            // Tenancy, as in RowLevelSecurity: a brand sees and writes only its own uploads.
            migrationBuilder.Sql("""
                ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
                ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON attachments
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, UPDATE, DELETE ON attachments TO repurch_app;
                GRANT USAGE, SELECT ON SEQUENCE attachments_id_seq TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");
        }
    }
}
