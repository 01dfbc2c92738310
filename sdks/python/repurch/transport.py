"""The one place every request goes through: auth, idempotency, retries, errors."""
import email.utils
import http.client
import json
import platform
import random
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional

from .errors import RepurchConnectionError, RepurchError
from .version import VERSION

MUTATIONS = {"POST", "PUT", "PATCH", "DELETE"}
# Refresh this long before the known expiry, so a request does not leave with a token about to lapse.
EXPIRY_SKEW_SECONDS = 30.0


@dataclass
class TokenPair:
    """An access token and its refresh token, as POST /v1/auth/token and /v1/auth/refresh return them."""

    access_token: str
    refresh_token: str
    # Unix time the access token expires; None means "refresh when the API answers 401".
    expires_at: Optional[float] = None


@dataclass
class Response:
    """A 2xx answer: status, headers (lower-case names) and the body bytes."""

    status: int
    headers: Dict[str, str]
    body: bytes = field(repr=False)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def decoded(self) -> Any:
        """The JSON body parsed, None when empty, the bytes for anything else (CSV, XLSX)."""
        if not self.body:
            return None
        kind = self.headers.get("content-type", "")
        return self.json() if "json" in kind else self.body


class Transport:
    """Sends requests with the bearer (key or access token, refreshed once on a 401), an Idempotency-Key
    per mutation kept across its retries, and retries with exponential backoff and jitter on connection
    errors, 409 idempotency_key_in_use, 429 and 5xx (never another 4xx). Raises RepurchError for any
    answer that is not 2xx in the end."""

    def __init__(self, base_url: str, api_key: Optional[str] = None, tokens: Optional[TokenPair] = None,
                 on_tokens: Optional[Callable[[TokenPair], None]] = None, max_retries: int = 3, timeout: float = 30.0,
                 base_delay: float = 0.5, max_delay: float = 20.0, user_agent: Optional[str] = None,
                 sleep: Callable[[float], None] = time.sleep):
        if not api_key and not tokens:
            raise TypeError("Repurch: pass api_key= or tokens=")
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"base_url must be an http(s) URL, not {base_url!r}")
        self._scheme, self._host, self._port = parsed.scheme, parsed.hostname, parsed.port
        self._prefix = parsed.path.rstrip("/")
        self._api_key = api_key
        self._tokens = tokens
        self._on_tokens = on_tokens
        self._refresh_lock = threading.Lock()
        self.max_retries = max_retries
        self.timeout = timeout
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._sleep = sleep
        self.user_agent = f"repurch-python/{VERSION} python/{platform.python_version()}" + (f" {user_agent}" if user_agent else "")

    @property
    def tokens(self) -> Optional[TokenPair]:
        """The current token pair (after any refresh), when the client runs on tokens."""
        return self._tokens

    def send(self, method: str, path: str, query: Optional[Mapping[str, Any]] = None, body: Optional[bytes] = None,
             headers: Optional[Mapping[str, Optional[str]]] = None) -> Response:
        """Sends `path` (under the base URL) with auth, idempotency and retries; returns the 2xx answer."""
        method = method.upper()
        sent = {k: v for k, v in (headers or {}).items() if v is not None}
        names = {k.lower() for k in sent}
        if method in MUTATIONS and "idempotency-key" not in names:
            sent["Idempotency-Key"] = str(uuid.uuid4())
        sent["User-Agent"] = self.user_agent
        own_auth = "authorization" in names
        target = self._target(path, query)
        refreshed = False
        attempt = 0
        while True:
            bearer = None
            if not own_auth:
                bearer = self._bearer()
                sent["Authorization"] = f"Bearer {bearer}"
            try:
                status, reason, answer_headers, answer = self._exchange(method, target, body, sent)
            except (OSError, http.client.HTTPException) as error:
                if attempt < self.max_retries:
                    self._sleep(self.backoff(attempt))
                    attempt += 1
                    continue
                raise RepurchConnectionError(f"{method} {target.split('?')[0]}: {error}") from error
            if status == 401 and not own_auth and self._tokens and not refreshed:
                # The access token lapsed (or was revoked): one refresh, then the same request again.
                refreshed = True
                self._refresh(bearer)
                continue
            if attempt < self.max_retries and self._retryable(status, reason, answer_headers, answer):
                wait = self._retry_after(answer_headers)
                self._sleep(self.backoff(attempt) if wait is None else wait)
                attempt += 1
                continue
            if not 200 <= status < 300:
                raise RepurchError.from_response(status, reason, answer_headers, answer)
            return Response(status, answer_headers, answer)

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter: between half and all of base * 2^attempt, capped (seconds)."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** attempt)
        return ceiling / 2 + random.random() * (ceiling / 2)

    def _target(self, path: str, query: Optional[Mapping[str, Any]]) -> str:
        target = self._prefix + "/" + path.lstrip("/")
        pairs = [(k, _query_value(v)) for k, v in (query or {}).items() if v is not None]
        return target + ("?" + urllib.parse.urlencode(pairs) if pairs else "")

    def _exchange(self, method: str, target: str, body: Optional[bytes], headers: Mapping[str, str]):
        kind = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
        connection = kind(self._host, self._port, timeout=self.timeout)
        try:
            connection.request(method, target, body=body, headers=dict(headers))
            response = connection.getresponse()
            answer = response.read()
            return response.status, response.reason, {k.lower(): v for k, v in response.getheaders()}, answer
        finally:
            connection.close()

    @staticmethod
    def _retryable(status: int, reason: str, headers: Mapping[str, str], body: bytes) -> bool:
        if status == 429 or status >= 500:
            return True
        # Another attempt with this key is still running: retrying gets its answer once it is done.
        return status == 409 and RepurchError.from_response(status, reason, headers, body).code == "idempotency_key_in_use"

    def _retry_after(self, headers: Mapping[str, str]) -> Optional[float]:
        """Retry-After in seconds or as an HTTP date, capped at max_delay."""
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
            except (TypeError, ValueError):
                return None
        return min(max(seconds, 0.0), self.max_delay)

    def _bearer(self) -> str:
        if not self._tokens:
            return self._api_key or ""
        if self._tokens.expires_at is not None and self._tokens.expires_at - EXPIRY_SKEW_SECONDS <= time.time():
            self._refresh(self._tokens.access_token)
        return self._tokens.access_token

    def _refresh(self, stale_access_token: Optional[str]) -> None:
        """One refresh at a time: a thread whose token was already replaced just uses the new one (sending a
        retired refresh token twice would revoke the whole family). Never retried for the same reason: an
        answer lost on the way back has already rotated the token."""
        with self._refresh_lock:
            tokens = self._tokens
            if tokens is None or tokens.access_token != stale_access_token:
                return
            body = json.dumps({"refresh_token": tokens.refresh_token}).encode("utf-8")
            headers = {"Content-Type": "application/json", "User-Agent": self.user_agent}
            try:
                status, reason, answer_headers, answer = self._exchange("POST", self._target("/v1/auth/refresh", None), body, headers)
            except (OSError, http.client.HTTPException) as error:
                raise RepurchConnectionError(f"POST /v1/auth/refresh: {error}") from error
            if not 200 <= status < 300:
                raise RepurchError.from_response(status, reason, answer_headers, answer)
            pair = json.loads(answer.decode("utf-8"))
            self._tokens = TokenPair(pair["access_token"], pair["refresh_token"], time.time() + pair["expires_in"])
            if self._on_tokens:
                self._on_tokens(self._tokens)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
