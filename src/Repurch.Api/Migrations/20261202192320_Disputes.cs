using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Disputes and their evidence under forced row-level security; orders gain <c>disputed</c>,
    /// <c>partially_refunded</c> and <c>refunded_amount</c>. Three look-ups for brand-less callers, owned
    /// by <c>repurch_auth</c>: <c>dispute_brand</c> (a dispute id's brand, for the operator),
    /// <c>order_by_capture</c> (PayPal's capture id to brand and order, for its dispute webhooks) and
    /// <c>operator_disputes</c> (every brand's disputes, answered only for a live operator key of the
    /// platform's brand).
    /// </summary>
    public partial class Disputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_money",
                table: "orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                table: "orders");

            migrationBuilder.AddColumn<decimal>(
                name: "refunded_amount",
                table: "orders",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "disputes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opened_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    buyer_account_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    text_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text_reasons = table.Column<string[]>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    order_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    amount_refunded = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    provider_dispute_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seller_response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seller_responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputes", x => x.id);
                    table.CheckConstraint("ck_disputes_outcome", "(status = 'resolved') = (outcome IS NOT NULL) AND (outcome IS NULL OR outcome IN ('refund','release','partial_refund'))");
                    table.CheckConstraint("ck_disputes_reason", "reason IN ('not_received','not_as_described','damaged','other')");
                    table.CheckConstraint("ck_disputes_refund", "amount_refunded >= 0 AND amount_refunded <= order_amount");
                    table.CheckConstraint("ck_disputes_status", "status IN ('awaiting_seller','awaiting_buyer','under_review','resolved')");
                    table.CheckConstraint("ck_disputes_text_status", "text_status IN ('delivered','held','blocked')");
                    table.ForeignKey(
                        name: "fk_disputes_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_disputes_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dispute_messages",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dispute_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    author_side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    author_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reasons = table.Column<string[]>(type: "text[]", nullable: false),
                    validator_version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    photo_ids = table.Column<long[]>(type: "bigint[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispute_messages", x => x.id);
                    table.CheckConstraint("ck_dispute_messages_side", "author_side IN ('buyer','seller','operator')");
                    table.CheckConstraint("ck_dispute_messages_status", "status IN ('delivered','held','blocked')");
                    table.ForeignKey(
                        name: "fk_dispute_messages_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dispute_messages_disputes_dispute_id",
                        column: x => x.dispute_id,
                        principalTable: "disputes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_provider_capture_id",
                table: "orders",
                column: "provider_capture_id",
                filter: "provider_capture_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_money",
                table: "orders",
                sql: "amount = unit_price * quantity AND payout = amount - refunded_amount - commission - vat - delivery_contribution");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                table: "orders",
                sql: "status IN ('pending_payment','paid','completed','refunded','cancelled','disputed','partially_refunded')");

            migrationBuilder.CreateIndex(
                name: "ix_dispute_messages_brand_id",
                table: "dispute_messages",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispute_messages_dispute_id_created_at",
                table: "dispute_messages",
                columns: new[] { "dispute_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disputes_brand_id_created_at",
                table: "disputes",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disputes_buyer_account_id_created_at",
                table: "disputes",
                columns: new[] { "buyer_account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disputes_provider_dispute_id",
                table: "disputes",
                column: "provider_dispute_id",
                unique: true,
                filter: "provider_dispute_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_disputes_open_order",
                table: "disputes",
                column: "order_id",
                unique: true,
                filter: "status <> 'resolved'");

            foreach (var table in new[] { "disputes", "dispute_messages" })
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
                GRANT SELECT, INSERT, UPDATE ON disputes TO repurch_app;
                -- Evidence is append-only: read and add, never change or remove.
                GRANT SELECT, INSERT ON dispute_messages TO repurch_app;

                GRANT SELECT ON disputes TO repurch_auth;
                CREATE POLICY dispute_lookup ON disputes FOR SELECT TO repurch_auth USING (true);
                CREATE FUNCTION dispute_brand(p_dispute text) RETURNS text
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT brand_id FROM disputes WHERE id = p_dispute
                $$;
                CREATE FUNCTION order_by_capture(p_capture text) RETURNS TABLE (brand_id text, id text)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT o.brand_id, o.id FROM orders o WHERE o.provider_capture_id = p_capture ORDER BY o.created_at LIMIT 1
                $$;
                CREATE FUNCTION operator_disputes(p_key uuid) RETURNS SETOF disputes
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  SELECT d.* FROM disputes d
                   WHERE EXISTS (SELECT 1 FROM api_keys k
                                  WHERE k.id = p_key AND k.role = 'operator' AND k.brand_id = 'sofalistic' AND k.revoked_at IS NULL)
                $$;
                GRANT CREATE ON SCHEMA public TO repurch_auth;
                ALTER FUNCTION dispute_brand(text) OWNER TO repurch_auth;
                ALTER FUNCTION order_by_capture(text) OWNER TO repurch_auth;
                ALTER FUNCTION operator_disputes(uuid) OWNER TO repurch_auth;
                REVOKE CREATE ON SCHEMA public FROM repurch_auth;
                REVOKE ALL ON FUNCTION dispute_brand(text), order_by_capture(text), operator_disputes(uuid) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION dispute_brand(text), order_by_capture(text), operator_disputes(uuid) TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS dispute_brand(text);
                DROP FUNCTION IF EXISTS order_by_capture(text);
                DROP FUNCTION IF EXISTS operator_disputes(uuid);
                """);
            migrationBuilder.DropTable(
                name: "dispute_messages");

            migrationBuilder.DropTable(
                name: "disputes");

            migrationBuilder.DropIndex(
                name: "ix_orders_provider_capture_id",
                table: "orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_money",
                table: "orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "refunded_amount",
                table: "orders");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_money",
                table: "orders",
                sql: "amount = unit_price * quantity AND payout = amount - commission - vat - delivery_contribution");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                table: "orders",
                sql: "status IN ('pending_payment','paid','completed','refunded','cancelled')");
        }
    }
}
