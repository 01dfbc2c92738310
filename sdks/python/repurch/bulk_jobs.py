"""Background imports: upload a CSV or XLSX, follow its progress, download its report."""
import time
from typing import TYPE_CHECKING, Callable, Literal, Optional

from ._generated.models import BulkJobView
from .multipart import encode_multipart

if TYPE_CHECKING:
    from .client import Repurch

FINISHED = ("completed", "failed")


class BulkJobs:
    """`repurch.bulk_jobs`: start(file), wait(id, on_progress=...), report(job)."""

    def __init__(self, client: "Repurch"):
        self._client = client

    def start(self, content: bytes, filename: str = "upload.csv", mode: Optional[Literal["commit", "validate"]] = None,
              idempotency_key: Optional[str] = None) -> BulkJobView:
        """Uploads the file (multipart/form-data, field `file`) to POST /v1/listings/bulk-jobs: answers at once
        with the queued job. The same idempotency key on a repeated upload returns the same job."""
        content_type, body = encode_multipart({}, {"file": (filename, content, "application/octet-stream")})
        headers = {"Content-Type": content_type, "Idempotency-Key": idempotency_key}
        return self._client.request("POST", "/v1/listings/bulk-jobs", params={"mode": mode}, body=body, headers=headers).json()

    def get(self, job_id: str) -> BulkJobView:
        return self._client.get_bulk_job(job_id)

    def wait(self, job_id: str, on_progress: Optional[Callable[[BulkJobView], None]] = None, interval: float = 1.0,
             timeout: float = 600.0) -> BulkJobView:
        """Polls until the job is completed or failed and returns it (a failed job is returned, not raised: see
        its `error`); `on_progress` gets the job after every poll (status, rows_done, total_rows, progress)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.get(job_id)
            if on_progress:
                on_progress(job)
            if job["status"] in FINISHED:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"bulk job {job_id} still {job['status']} after {timeout} s")
            time.sleep(interval)

    def report(self, job: BulkJobView, format: Literal["csv", "xlsx"] = "csv",
               rows: Literal["all", "errors"] = "all") -> bytes:
        """A finished job's report (every row with import_result, import_errors, listing_id), as bytes."""
        reports = job.get("reports")
        if not reports:
            raise ValueError(f"bulk job {job['id']} has no report while {job['status']}")
        path = reports["csv"] if format == "csv" else reports["xlsx"]
        return self._client.request("GET", path, params={"rows": "errors"} if rows == "errors" else None).body
