"""The Repurch client: the generated typed operations over the hand-written transport."""
import json
import time
import urllib.parse
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Union

from ._generated.operations import Operations
from .bulk_jobs import BulkJobs
from .pagination import paginate
from .transport import Response, TokenPair, Transport

DEFAULT_BASE_URL = "https://api.repurch.com"


class Repurch(Operations):
    """The Repurch API client.

    Every operation is a typed method (`list_listings(channel="clearance")`, `redeem_code({...})`) that returns
    the 2xx body and raises RepurchError otherwise; `get`/`post`/`put`/`patch`/`delete` call any path.
    Live or sandbox is decided by the key (re_pk_live_... / re_pk_test_...), not by `base_url`.
    """

    def __init__(self, api_key: Optional[str] = None, *, tokens: Optional[TokenPair] = None,
                 base_url: str = DEFAULT_BASE_URL, max_retries: int = 3, timeout: float = 30.0,
                 on_tokens: Optional[Callable[[TokenPair], None]] = None, user_agent: Optional[str] = None,
                 base_delay: float = 0.5, max_delay: float = 20.0, sleep: Callable[[float], None] = time.sleep):
        self.transport = Transport(base_url or DEFAULT_BASE_URL, api_key=api_key, tokens=tokens, on_tokens=on_tokens,
                                   max_retries=max_retries, timeout=timeout, base_delay=base_delay,
                                   max_delay=max_delay, user_agent=user_agent, sleep=sleep)
        self.bulk_jobs = BulkJobs(self)

    @property
    def tokens(self) -> Optional[TokenPair]:
        """The token pair after any refresh (store it when the process ends), when the client runs on tokens."""
        return self.transport.tokens

    @classmethod
    def exchange_key(cls, api_key: str, **options: Any) -> TokenPair:
        """Exchanges an API key for a 15-minute access token and its refresh token (POST /v1/auth/token)."""
        pair = cls(api_key, **options).create_access_token()
        return TokenPair(pair["access_token"], pair["refresh_token"], time.time() + pair["expires_in"])

    def request(self, method: str, path: str, *, params: Optional[Mapping[str, Any]] = None, json_body: Any = None,
                body: Optional[bytes] = None, headers: Optional[Mapping[str, Optional[str]]] = None) -> Response:
        """A raw request through the same auth, idempotency and retries; returns the 2xx Response."""
        sent = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode("utf-8")
            sent.setdefault("Content-Type", "application/json")
        return self.transport.send(method, path, params, body, sent)

    def get(self, path: str, params: Optional[Mapping[str, Any]] = None, **kwargs: Any) -> Any:
        return self.request("GET", path, params=params, **kwargs).decoded()

    def post(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("POST", path, json_body=json_body, **kwargs).decoded()

    def put(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("PUT", path, json_body=json_body, **kwargs).decoded()

    def patch(self, path: str, json_body: Any = None, **kwargs: Any) -> Any:
        return self.request("PATCH", path, json_body=json_body, **kwargs).decoded()

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.request("DELETE", path, **kwargs).decoded()

    def paginate(self, source: Union[str, Callable[..., Any]], *args: Any, **query: Any) -> Iterator[Any]:
        """Every item of a paged list: `for listing in repurch.paginate(repurch.list_listings, channel="clearance")`
        (or a path: `repurch.paginate("/v1/listings", channel="clearance")`); `per_page` sets the page size."""
        if isinstance(source, str):
            path = source
            return paginate(lambda **q: self.get(path, q), **query)
        return paginate(source, *args, **query)

    def _call(self, method: str, path: str, path_params: Dict[str, Any], query: Dict[str, Any],
              body: Any, headers: Dict[str, Optional[str]]) -> Any:
        for name, value in path_params.items():
            path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        return self.request(method, path, params=query, json_body=body, headers=headers).decoded()
