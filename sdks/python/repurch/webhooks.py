"""Webhook signature verification (Standard Webhooks: HMAC-SHA256 of `{id}.{timestamp}.{body}`)."""
import base64
import binascii
import hashlib
import hmac
import json
import re
import time
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from .errors import WebhookVerificationError

SECRET_PREFIX = "whsec_"


def sign_webhook(secret: str, webhook_id: str, timestamp: int, payload: Union[bytes, str]) -> str:
    """The `v1,<base64>` signature the API sends for this delivery under `secret` (its key is the base64 after whsec_)."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with whsec_")
    key = base64.b64decode(secret[len(SECRET_PREFIX):])
    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    mac = hmac.new(key, f"{webhook_id}.{timestamp}.".encode("utf-8") + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode("ascii")


def verify_webhook(payload: Union[bytes, str], headers: Mapping[str, str], secrets: Union[str, Sequence[str]],
                   tolerance_seconds: int = 300, now: Optional[float] = None) -> Dict[str, Any]:
    """Checks `webhook-signature` (space-separated `v1,<base64>` entries: the API signs with every secret valid
    during a rotation) against any of `secrets` (the endpoint's, or the new and the previous one), and that
    `webhook-timestamp` is within `tolerance_seconds` of now. Pass the raw body: re-serialised JSON does not match.
    Returns the parsed event, or raises WebhookVerificationError."""
    webhook_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signature = _header(headers, "webhook-signature")
    if not webhook_id or not timestamp or not signature:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
    if not re.fullmatch(r"[0-9]+", timestamp):
        raise WebhookVerificationError("webhook-timestamp is not a number of seconds")
    current = int(time.time() if now is None else now)
    if abs(current - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance window")
    candidates = [secrets] if isinstance(secrets, str) else list(secrets)
    if not candidates:
        raise ValueError("pass at least one webhook secret")
    sent = [_decode(s[3:]) for s in signature.split(" ") if s.startswith("v1,")]
    expected = [_decode(sign_webhook(s, webhook_id, int(timestamp), payload)[3:]) for s in candidates]
    if not any(hmac.compare_digest(s, e) for s in sent for e in expected if s is not None):
        raise WebhookVerificationError("no webhook-signature matches the secret")
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    try:
        return json.loads(text)
    except ValueError:
        raise WebhookVerificationError("the payload is not JSON") from None


def _decode(value: str) -> Optional[bytes]:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    # http.server's headers are case-insensitive already; a plain dict may use any case.
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value
