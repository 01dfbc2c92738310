"""The errors the SDK raises: RepurchError for any answer outside 2xx, the others for no answer or a bad webhook."""
import json
from typing import Any, Dict, Mapping, Optional


class RepurchError(Exception):
    """An answer outside 2xx (after the retries allowed), with the API's code, message, data and request id.

    `request_id` is the API's `Request-Id` header for this answer (the id in its logs): quote it to support.
    """

    def __init__(self, status: int, code: str, message: str, data: Dict[str, Any], headers: Mapping[str, str]):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.data = data
        self.headers = dict(headers)
        self.request_id: Optional[str] = _header(headers, "request-id")

    def __str__(self) -> str:
        return f"{self.code} ({self.status}, request {self.request_id}): {self.message}"

    @classmethod
    def from_response(cls, status: int, reason: str, headers: Mapping[str, str], body: bytes) -> "RepurchError":
        """Reads the API's `{code, message, data}`; a body of another shape (a proxy's page) keeps the status."""
        try:
            parsed = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            parsed = None
        if isinstance(parsed, dict) and isinstance(parsed.get("code"), str):
            data = parsed.get("data")
            return cls(status, parsed["code"], str(parsed.get("message") or ""), data if isinstance(data, dict) else {"status": status}, headers)
        text = body.decode("utf-8", "replace")[:200]
        return cls(status, f"http_{status}", text or reason, {"status": status}, headers)


class RepurchConnectionError(Exception):
    """The request never got an answer (refused, reset, DNS, timeout) after every retry."""


class WebhookVerificationError(Exception):
    """A webhook whose signature, timestamp or headers do not check out: answer it 400 and drop it."""


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None
