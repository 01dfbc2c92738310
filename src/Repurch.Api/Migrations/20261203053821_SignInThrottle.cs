using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Failed consumer sign-ins, the throttle's memory (per email and per client, as hashes), under
    /// forced row-level security. The app may delete them: they age out, and a success forgives.
    /// </summary>
    public partial class SignInThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bucket = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_failures", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_in_failures_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_brand_id_bucket_failed_at",
                table: "sign_in_failures",
                columns: new[] { "brand_id", "bucket", "failed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_brand_id_failed_at",
                table: "sign_in_failures",
                columns: new[] { "brand_id", "failed_at" });

            migrationBuilder.Sql("""
                ALTER TABLE sign_in_failures ENABLE ROW LEVEL SECURITY;
                ALTER TABLE sign_in_failures FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON sign_in_failures
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                GRANT SELECT, INSERT, DELETE ON sign_in_failures TO repurch_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures");
        }
    }
}
