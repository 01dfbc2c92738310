using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repurch.Api.Migrations
{
    /// <inheritdoc />
    public partial class BulkJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulk_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    filename = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    file_size = table.Column<long>(type: "bigint", nullable: false),
                    file_sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    total_rows = table.Column<int>(type: "integer", nullable: true),
                    rows_done = table.Column<int>(type: "integer", nullable: false),
                    created_count = table.Column<int>(type: "integer", nullable: false),
                    updated_count = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    error_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_by_key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_bulk_jobs_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bulk_job_files",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_job_files", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_bulk_job_files_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bulk_job_files_bulk_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "bulk_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bulk_job_rows",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: false),
                    brand_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: true),
                    errors = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_job_rows", x => new { x.job_id, x.row });
                    table.ForeignKey(
                        name: "fk_bulk_job_rows_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bulk_job_rows_bulk_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "bulk_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bulk_job_files_brand_id",
                table: "bulk_job_files",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_job_rows_brand_id",
                table: "bulk_job_rows",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_jobs_brand_id_created_at",
                table: "bulk_jobs",
                columns: new[] { "brand_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bulk_jobs_brand_id_idempotency_key",
                table: "bulk_jobs",
                columns: new[] { "brand_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            // Tenancy, as in RowLevelSecurity: a brand sees and writes only its own jobs, files and reports.
            foreach (var table in new[] { "bulk_jobs", "bulk_job_files", "bulk_job_rows" })
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY brand_isolation ON {table}
                      USING (brand_id = current_setting('app.brand_id', true))
                      WITH CHECK (brand_id = current_setting('app.brand_id', true));
                    GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO repurch_app;
                    """);
            }

            // The one table with a brand_id and no RLS: the worker must find pending jobs of every brand
            // before it knows which brand to open a scoped context for. It holds ids and a lease only,
            // and the app role cannot touch it: it goes through these SECURITY DEFINER functions, which
            // enqueue only a job the session's brand owns and hand out job and brand ids, nothing else.
            migrationBuilder.Sql("""
                CREATE TABLE bulk_job_queue (
                  job_id uuid PRIMARY KEY REFERENCES bulk_jobs (id) ON DELETE CASCADE,
                  brand_id character varying(64) NOT NULL,
                  enqueued_at timestamp with time zone NOT NULL DEFAULT now(),
                  locked_until timestamp with time zone,
                  attempts integer NOT NULL DEFAULT 0
                );
                CREATE INDEX ix_bulk_job_queue_enqueued_at ON bulk_job_queue (enqueued_at);
                REVOKE ALL ON bulk_job_queue FROM PUBLIC;

                CREATE FUNCTION bulk_job_enqueue(p_job uuid) RETURNS void
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  INSERT INTO bulk_job_queue (job_id, brand_id)
                  SELECT j.id, j.brand_id FROM bulk_jobs j
                  WHERE j.id = p_job AND j.brand_id = current_setting('app.brand_id', true)
                $$;
                CREATE FUNCTION bulk_job_claim(p_lease interval)
                RETURNS TABLE (job_id uuid, brand_id text, attempts integer)
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  UPDATE bulk_job_queue q SET locked_until = now() + p_lease, attempts = q.attempts + 1
                  WHERE q.job_id = (SELECT x.job_id FROM bulk_job_queue x
                                    WHERE x.locked_until IS NULL OR x.locked_until < now()
                                    ORDER BY x.enqueued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                  RETURNING q.job_id, q.brand_id::text, q.attempts
                $$;
                CREATE FUNCTION bulk_job_lease(p_job uuid, p_lease interval) RETURNS void
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  UPDATE bulk_job_queue SET locked_until = now() + p_lease WHERE job_id = p_job
                $$;
                CREATE FUNCTION bulk_job_dequeue(p_job uuid) RETURNS void
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                  DELETE FROM bulk_job_queue WHERE job_id = p_job
                $$;
                REVOKE ALL ON FUNCTION bulk_job_enqueue(uuid), bulk_job_claim(interval), bulk_job_lease(uuid, interval), bulk_job_dequeue(uuid) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION bulk_job_enqueue(uuid), bulk_job_claim(interval), bulk_job_lease(uuid, interval), bulk_job_dequeue(uuid) TO repurch_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION bulk_job_enqueue(uuid), bulk_job_claim(interval), bulk_job_lease(uuid, interval), bulk_job_dequeue(uuid); DROP TABLE bulk_job_queue;");
            migrationBuilder.DropTable(
                name: "bulk_job_files");

            migrationBuilder.DropTable(
                name: "bulk_job_rows");

            migrationBuilder.DropTable(
                name: "bulk_jobs");
        }
    }
}
