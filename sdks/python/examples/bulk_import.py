import os
import sys

from repurch import Repurch

repurch = Repurch(os.environ["REPURCH_API_KEY"], base_url=os.environ.get("REPURCH_BASE_URL", "https://api.repurch.com"))
file, report_path = sys.argv[1:3]

# Upload a CSV or XLSX of any size: the API answers at once and imports it in the background.
with open(file, "rb") as f:
    started = repurch.bulk_jobs.start(f.read(), filename=os.path.basename(file))
job = repurch.bulk_jobs.wait(
    started["id"],
    on_progress=lambda j: print(f"{j['status']} {j['rows_done']}/{j['total_rows'] if j['total_rows'] is not None else '?'} rows"),
)
if job["status"] == "failed":
    raise SystemExit(f"import failed: {(job['error'] or {}).get('message')}")
print(f"created {job['created_count']}, updated {job['updated_count']}, errors {job['error_count']}")

# The report is the file back with import_result, import_errors and listing_id on every row.
with open(report_path, "wb") as f:
    f.write(repurch.bulk_jobs.report(job, "csv"))
