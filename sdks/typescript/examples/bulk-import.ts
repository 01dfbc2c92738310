import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { Repurch } from "@repurch/sdk";

const repurch = new Repurch({ apiKey: process.env.REPURCH_API_KEY!, baseUrl: process.env.REPURCH_BASE_URL });
const [file, reportPath] = process.argv.slice(2);

// Upload a CSV or XLSX of any size: the API answers at once and imports it in the background.
const started = await repurch.bulkJobs.start(await readFile(file), { filename: basename(file) });
const job = await repurch.bulkJobs.wait(started.id, {
  onProgress: (j) => console.log(`${j.status} ${j.rows_done}/${j.total_rows ?? "?"} rows`),
});
if (job.status === "failed") throw new Error(`import failed: ${job.error?.message}`);
console.log(`created ${job.created_count}, updated ${job.updated_count}, errors ${job.error_count}`);

// The report is the file back with import_result, import_errors and listing_id on every row.
await writeFile(reportPath, await repurch.bulkJobs.report(job, "csv"));
