using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>Conversations, append-only messages and read-pointer advances, under forced row-level security.</summary>
    public partial class Conversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    buyer_account_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner_account_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    buyer_read_seq = table.Column<long>(type: "bigint", nullable: false),
                    owner_read_seq = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversations_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversations_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reader = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    up_to_seq = table.Column<long>(type: "bigint", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_reads", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_reads_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversation_reads_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    sender_role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sender_account_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reasons = table.Column<string[]>(type: "text[]", nullable: false),
                    signals = table.Column<string>(type: "jsonb", nullable: false),
                    validator_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    replaces = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    delivery_seq = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moderated_by_key_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.UniqueConstraint("ak_messages_seq", x => x.seq);
                    table.ForeignKey(
                        name: "fk_messages_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_messages_messages_replaces",
                        column: x => x.replaces,
                        principalTable: "messages",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_reads_brand_id_conversation_id_reader_up_to_seq",
                table: "conversation_reads",
                columns: new[] { "brand_id", "conversation_id", "reader", "up_to_seq" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_reads_conversation_id",
                table: "conversation_reads",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_brand_id_buyer_account_id_last_message_at",
                table: "conversations",
                columns: new[] { "brand_id", "buyer_account_id", "last_message_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_brand_id_listing_id_buyer_account_id",
                table: "conversations",
                columns: new[] { "brand_id", "listing_id", "buyer_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_brand_id_owner_account_id_last_message_at",
                table: "conversations",
                columns: new[] { "brand_id", "owner_account_id", "last_message_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_brand_id_owner_type_last_message_at",
                table: "conversations",
                columns: new[] { "brand_id", "owner_type", "last_message_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_listing_id",
                table: "conversations",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_brand_id_conversation_id_seq",
                table: "messages",
                columns: new[] { "brand_id", "conversation_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_brand_id_sender_account_id_created_at",
                table: "messages",
                columns: new[] { "brand_id", "sender_account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_brand_id_status_seq",
                table: "messages",
                columns: new[] { "brand_id", "status", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_conversation_id",
                table: "messages",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_replaces",
                table: "messages",
                column: "replaces",
                unique: true,
                filter: "replaces IS NOT NULL");

            // Tenancy, as in RowLevelSecurity: a brand sees and writes only its own conversations.
            foreach (var table in new[] { "conversations", "messages", "conversation_reads" })
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY brand_isolation ON {table}
                      USING (brand_id = current_setting('app.brand_id', true))
                      WITH CHECK (brand_id = current_setting('app.brand_id', true));
                    """);
            }

            // Append-only messages, enforced by the database for the app role: it may insert a message and
            // move its moderation state, never change its text, sender or version, and never delete one
            // (an edit is a new row; erasure on request is a separate, audited path, not this role's).
            // Read-pointer advances are a log too. Conversations are never deleted by the app.
            migrationBuilder.Sql("""
                GRANT SELECT, INSERT, UPDATE ON conversations TO repurch_app;
                GRANT SELECT, INSERT ON messages TO repurch_app;
                GRANT UPDATE (status, delivery_seq, delivered_at, moderated_at, moderated_by_key_id) ON messages TO repurch_app;
                GRANT SELECT, INSERT ON conversation_reads TO repurch_app;
                CREATE SEQUENCE message_delivery_seq AS bigint;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP SEQUENCE message_delivery_seq;");
            migrationBuilder.DropTable(
                name: "conversation_reads");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}
