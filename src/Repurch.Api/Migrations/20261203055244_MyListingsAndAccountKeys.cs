using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <summary>
    /// Who uploaded a photo (a consumer may attach only its own to a trade-in), and foreign keys from
    /// the conversation and message account columns to accounts (restrict: accounts are never deleted
    /// by the app; erasure is its own path).
    /// </summary>
    public partial class MyListingsAndAccountKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "uploader_account_id",
                table: "attachments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_sender_account_id",
                table: "messages",
                column: "sender_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_buyer_account_id",
                table: "conversations",
                column: "buyer_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_owner_account_id",
                table: "conversations",
                column: "owner_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_uploader_account_id",
                table: "attachments",
                column: "uploader_account_id");

            migrationBuilder.AddForeignKey(
                name: "fk_attachments_accounts_uploader_account_id",
                table: "attachments",
                column: "uploader_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_accounts_buyer_account_id",
                table: "conversations",
                column: "buyer_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_accounts_owner_account_id",
                table: "conversations",
                column: "owner_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_messages_accounts_sender_account_id",
                table: "messages",
                column: "sender_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attachments_accounts_uploader_account_id",
                table: "attachments");

            migrationBuilder.DropForeignKey(
                name: "fk_conversations_accounts_buyer_account_id",
                table: "conversations");

            migrationBuilder.DropForeignKey(
                name: "fk_conversations_accounts_owner_account_id",
                table: "conversations");

            migrationBuilder.DropForeignKey(
                name: "fk_messages_accounts_sender_account_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_sender_account_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_conversations_buyer_account_id",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_owner_account_id",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_attachments_uploader_account_id",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "uploader_account_id",
                table: "attachments");
        }
    }
}
