using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class ListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_listings_brand_status_channel_newest",
                table: "listings",
                columns: new[] { "brand_id", "status", "channel", "created_at", "id" },
                descending: new[] { false, false, false, true, true },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_listings_brand_status_newest",
                table: "listings",
                columns: new[] { "brand_id", "status", "created_at", "id" },
                descending: new[] { false, false, true, true },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_listings_marketplace_newest",
                table: "listings",
                columns: new[] { "created_at", "id" },
                descending: new bool[0],
                filter: "deleted_at IS NULL AND status = 'active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_brand_status_channel_newest",
                table: "listings");

            migrationBuilder.DropIndex(
                name: "ix_listings_brand_status_newest",
                table: "listings");

            migrationBuilder.DropIndex(
                name: "ix_listings_marketplace_newest",
                table: "listings");
        }
    }
}
