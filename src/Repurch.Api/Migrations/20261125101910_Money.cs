using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Orders, the double-entry ledger (append-only, every posting balancing, checked by the database),
    /// payouts and credit codes, all brand-isolated. The marketplace role may read the orders its key
    /// placed; three SECURITY DEFINER look-ups return brand ids only.
    /// </summary>
    public partial class Money : Migration
    {
        private static readonly string[] TenantTables = ["ledger_entries", "orders", "payouts", "credit_codes", "credit_redemptions", "code_attempts"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "code_attempts",
                columns: table => new
                {
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_attempts", x => new { x.brand_id, x.key_id });
                    table.ForeignKey(
                        name: "fk_code_attempts_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payout_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    credit_code_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    redemption_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_ledger_entries_amount", "amount_pence <> 0");
                    table.ForeignKey(
                        name: "fk_ledger_entries_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    marketplace_brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    listing_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    seller_id = table.Column<long>(type: "bigint", nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    buyer_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    commission = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    vat = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    delivery_contribution = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    payout = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    payment_provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    provider_capture_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    provider_refund_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    approve_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    release_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refunded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.CheckConstraint("ck_orders_money", "amount = unit_price * quantity AND payout = amount - commission - vat - delivery_contribution");
                    table.CheckConstraint("ck_orders_quantity", "quantity > 0");
                    table.CheckConstraint("ck_orders_status", "status IN ('pending_payment','paid','completed','refunded','cancelled')");
                    table.ForeignKey(
                        name: "fk_orders_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_orders_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_codes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seller_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    code_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    code_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    redeemed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    order_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    redemption_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_codes", x => x.id);
                    table.CheckConstraint("ck_credit_codes_status", "status IN ('active','redeemed','voided')");
                    table.ForeignKey(
                        name: "fk_credit_codes_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_credit_codes_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payouts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider_batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payouts", x => x.id);
                    table.CheckConstraint("ck_payouts_status", "status IN ('pending','sent','settled','failed')");
                    table.ForeignKey(
                        name: "fk_payouts_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payouts_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credit_redemptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    order_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_redemptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_redemptions_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_credit_redemptions_credit_codes_code_id",
                        column: x => x.code_id,
                        principalTable: "credit_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_codes_brand_id_issued_at",
                table: "credit_codes",
                columns: new[] { "brand_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_codes_brand_id_seller_id",
                table: "credit_codes",
                columns: new[] { "brand_id", "seller_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_codes_code_hash",
                table: "credit_codes",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_codes_order_id",
                table: "credit_codes",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_redemptions_brand_id_code_id",
                table: "credit_redemptions",
                columns: new[] { "brand_id", "code_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_redemptions_code_id",
                table: "credit_redemptions",
                column: "code_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_brand_id_created_at_id",
                table: "ledger_entries",
                columns: new[] { "brand_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_brand_id_order_id",
                table: "ledger_entries",
                columns: new[] { "brand_id", "order_id" },
                filter: "order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_brand_id_posting_id",
                table: "ledger_entries",
                columns: new[] { "brand_id", "posting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_brand_id_created_at",
                table: "orders",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_listing_id",
                table: "orders",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_marketplace_brand_id_created_at",
                table: "orders",
                columns: new[] { "marketplace_brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_release_due",
                table: "orders",
                column: "release_due_at",
                filter: "status = 'paid'");

            migrationBuilder.CreateIndex(
                name: "ix_payouts_brand_id_created_at",
                table: "payouts",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payouts_order_id",
                table: "payouts",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payouts_pending",
                table: "payouts",
                column: "created_at",
                filter: "status = 'pending'");

            foreach (var table in TenantTables)
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
                GRANT SELECT, INSERT, UPDATE, DELETE ON orders, payouts, credit_codes, credit_redemptions, code_attempts TO repurch_app;
                -- The ledger is append-only: the app may read and add, never change or remove ...
                GRANT SELECT, INSERT ON ledger_entries TO repurch_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO repurch_app;
                -- ... and a trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner included.
                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'ledger_entries is append-only: post a reversing entry instead' USING ERRCODE = '42501';
                END $$;
                CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
                  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
                CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
                  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
                -- Every posting sums to zero, checked at commit (deferred) once all its lines are in.
                CREATE FUNCTION ledger_posting_balances() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE total numeric;
                BEGIN
                  SELECT sum(amount_pence) INTO total FROM ledger_entries
                   WHERE brand_id = NEW.brand_id AND posting_id = NEW.posting_id;
                  IF total <> 0 THEN
                    RAISE EXCEPTION 'ledger posting % does not balance (% pence)', NEW.posting_id, total USING ERRCODE = '23514';
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_posting_balances();

                -- The storefront reads back the orders its own key placed (they live under the listing's
                -- brand); read-only, and only as the marketplace role.
                GRANT SELECT ON orders TO repurch_marketplace;
                CREATE POLICY marketplace_orders ON orders FOR SELECT TO repurch_marketplace
                  USING (marketplace_brand_id = current_setting('app.brand_id', true));

                -- Look-ups that tell a brand-less caller which brand owns a row, and nothing else, so it
                -- can open that brand's scope: the seller's view, the release sweep, PayPal webhooks.
                GRANT SELECT ON sellers, orders, payouts TO repurch_auth;
                CREATE POLICY money_lookup ON sellers FOR SELECT TO repurch_auth USING (true);
                CREATE POLICY money_lookup ON orders FOR SELECT TO repurch_auth USING (true);
                CREATE POLICY money_lookup ON payouts FOR SELECT TO repurch_auth USING (true);
                CREATE FUNCTION seller_brand(p_seller bigint) RETURNS text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT brand_id FROM sellers WHERE id = p_seller
                $$;
                CREATE FUNCTION payout_brand(p_payout text) RETURNS text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT brand_id FROM payouts WHERE id = p_payout
                $$;
                CREATE FUNCTION money_due_work(p_now timestamptz)
                RETURNS TABLE (brand_id text, kind text, id text)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  (SELECT o.brand_id, 'release', o.id FROM orders o WHERE o.status = 'paid' AND o.release_due_at <= p_now ORDER BY o.release_due_at LIMIT 500)
                  UNION ALL
                  (SELECT p.brand_id, 'payout', p.id FROM payouts p WHERE p.status = 'pending' ORDER BY p.created_at LIMIT 500)
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION seller_brand(bigint) OWNER TO repurch_auth;
                ALTER FUNCTION payout_brand(text) OWNER TO repurch_auth;
                ALTER FUNCTION money_due_work(timestamptz) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION seller_brand(bigint), payout_brand(text), money_due_work(timestamptz) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION seller_brand(bigint), payout_brand(text), money_due_work(timestamptz) TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS seller_brand(bigint);
                DROP FUNCTION IF EXISTS payout_brand(text);
                DROP FUNCTION IF EXISTS money_due_work(timestamptz);
                DROP FUNCTION IF EXISTS ledger_append_only() CASCADE;
                DROP FUNCTION IF EXISTS ledger_posting_balances() CASCADE;
                DROP POLICY IF EXISTS money_lookup ON sellers;
                REVOKE SELECT ON sellers FROM repurch_auth;
                """);
            migrationBuilder.DropTable(
                name: "code_attempts");

            migrationBuilder.DropTable(
                name: "credit_redemptions");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "payouts");

            migrationBuilder.DropTable(
                name: "credit_codes");

            migrationBuilder.DropTable(
                name: "orders");
        }
    }
}
