using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Consumer accounts under forced row-level security; sellers, orders and refresh tokens that
    /// belong to an account; the review reasons of a held trade-in. The refresh-token look-up returns
    /// the account, so a consumer's refresh token is told apart from a partner's.
    /// </summary>
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_id",
                table: "sellers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "account_id",
                table: "refresh_tokens",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "buyer_account_id",
                table: "orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "review_reasons",
                table: "listings",
                type: "text[]",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    password_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sellers_account_id",
                table: "sellers",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_sellers_brand_id_account_id",
                table: "sellers",
                columns: new[] { "brand_id", "account_id" },
                unique: true,
                filter: "account_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_brand_id_account_id",
                table: "refresh_tokens",
                columns: new[] { "brand_id", "account_id" },
                filter: "account_id IS NOT NULL AND revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_brand_id_buyer_account_id_created_at",
                table: "orders",
                columns: new[] { "brand_id", "buyer_account_id", "created_at" },
                filter: "buyer_account_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_brand_id_email",
                table: "accounts",
                columns: new[] { "brand_id", "email" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_sellers_accounts_account_id",
                table: "sellers",
                column: "account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql("""
                ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
                ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
                CREATE POLICY brand_isolation ON accounts
                  USING (brand_id = current_setting('app.brand_id', true))
                  WITH CHECK (brand_id = current_setting('app.brand_id', true));
                -- No DELETE: an account is disabled, and erased only by an erasure request (another issue).
                GRANT SELECT, INSERT, UPDATE ON accounts TO repurch_app;

                DROP FUNCTION auth_find_refresh_token(bytea);
                CREATE FUNCTION auth_find_refresh_token(p_hash bytea)
                RETURNS TABLE (id uuid, brand_id text, family_id uuid, api_key_id uuid, expires_at timestamptz, used boolean, revoked boolean, account_id text)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT t.id, t.brand_id, t.family_id, t.api_key_id, t.expires_at, t.used_at IS NOT NULL, t.revoked_at IS NOT NULL, t.account_id
                  FROM refresh_tokens t WHERE t.token_hash = p_hash
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION auth_find_refresh_token(bytea) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION auth_find_refresh_token(bytea) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION auth_find_refresh_token(bytea) TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION auth_find_refresh_token(bytea);
                CREATE FUNCTION auth_find_refresh_token(p_hash bytea)
                RETURNS TABLE (id uuid, brand_id text, family_id uuid, api_key_id uuid, expires_at timestamptz, used boolean, revoked boolean)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT t.id, t.brand_id, t.family_id, t.api_key_id, t.expires_at, t.used_at IS NOT NULL, t.revoked_at IS NOT NULL
                  FROM refresh_tokens t WHERE t.token_hash = p_hash
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION auth_find_refresh_token(bytea) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION auth_find_refresh_token(bytea) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION auth_find_refresh_token(bytea) TO repurch_app;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_sellers_accounts_account_id",
                table: "sellers");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_sellers_account_id",
                table: "sellers");

            migrationBuilder.DropIndex(
                name: "ix_sellers_brand_id_account_id",
                table: "sellers");

            migrationBuilder.DropIndex(
                name: "ix_refresh_tokens_brand_id_account_id",
                table: "refresh_tokens");

            migrationBuilder.DropIndex(
                name: "ix_orders_brand_id_buyer_account_id_created_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "sellers");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "buyer_account_id",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "review_reasons",
                table: "listings");
        }
    }
}
