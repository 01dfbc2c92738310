using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The marketplace search (MarketplaceSearch): a stored, weighted English document per listing and
            // the title's trigrams, both GIN-indexed. The column is not in the model: only the search reads it.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                ALTER TABLE listings ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A')
                    || setweight(to_tsvector('english', coalesce(category, '') || ' ' || coalesce(item_type, '') || ' ' || coalesce(manufacturer, '')
                        || ' ' || coalesce(colour, '') || ' ' || coalesce(fabric, '')), 'B')
                    || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;
                CREATE INDEX ix_listings_search_document ON listings USING gin (search_document);
                CREATE INDEX ix_listings_title_trigrams ON listings USING gin (title gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_listings_title_trigrams;
                DROP INDEX IF EXISTS ix_listings_search_document;
                ALTER TABLE listings DROP COLUMN IF EXISTS search_document;
                """);
        }
    }
}
