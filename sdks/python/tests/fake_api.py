"""A scripted API on loopback for the unit tests: each request is recorded and answered by the handler."""
import json
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

# So `python3 -m unittest discover -s sdks/python/tests` finds the package from any directory.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# What a handler returns: status, headers, body (bytes, or anything else as JSON).
Answer = Tuple[int, Dict[str, str], object]


@dataclass
class Seen:
    method: str
    url: str
    headers: Dict[str, str]
    body: bytes


class FakeApi:
    def __init__(self, handler: Callable[[Seen, int], Answer]):
        self.seen: List[Seen] = []
        lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with lock:
                    fake.seen.append(seen)
                    n = len(fake.seen)
                status, headers, payload = handler(seen, n)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                if not isinstance(payload, bytes):
                    self.send_header("Content-Type", "application/json")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, format, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()

    def close(self):
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def json_answer(status: int, body: object, headers: Optional[Dict[str, str]] = None) -> Answer:
    return status, {"Request-Id": f"req-{status}", **(headers or {})}, body


def error(status: int, code: str, headers: Optional[Dict[str, str]] = None) -> Answer:
    return json_answer(status, {"code": code, "message": f"{code} happened", "data": {"status": status, "errors": [code]}}, headers)
