using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Lets redeem and validate tell a partner that a code belongs to another brand: a brand-free keyed
    /// hash, read only by a SECURITY DEFINER function that returns a boolean.
    /// </summary>
    public partial class CreditCodeOtherBrand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "global_hash",
                table: "credit_codes",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_codes_global_hash",
                table: "credit_codes",
                column: "global_hash");

            migrationBuilder.Sql("""
                GRANT SELECT ON credit_codes TO repurch_auth;
                CREATE POLICY other_brand_check ON credit_codes FOR SELECT TO repurch_auth USING (true);
                CREATE FUNCTION credit_code_elsewhere(p_hash bytea, p_brand text) RETURNS boolean
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT EXISTS (SELECT 1 FROM credit_codes c WHERE c.global_hash = p_hash AND c.brand_id <> p_brand)
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION credit_code_elsewhere(bytea, text) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION credit_code_elsewhere(bytea, text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION credit_code_elsewhere(bytea, text) TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS credit_code_elsewhere(bytea, text);
                DROP POLICY IF EXISTS other_brand_check ON credit_codes;
                REVOKE SELECT ON credit_codes FROM repurch_auth;
                """);
            migrationBuilder.DropIndex(
                name: "ix_credit_codes_global_hash",
                table: "credit_codes");

            migrationBuilder.DropColumn(
                name: "global_hash",
                table: "credit_codes");
        }
    }
}
