import os
from http.server import BaseHTTPRequestHandler, HTTPServer

from repurch import WebhookVerificationError, verify_webhook

# The endpoint's secret; during a rotation, the previous one too until it expires.
secrets = [s for s in (os.environ["REPURCH_WEBHOOK_SECRET"], os.environ.get("REPURCH_WEBHOOK_PREVIOUS_SECRET")) if s]


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        payload = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            # Verify the raw bytes before parsing them.
            event = verify_webhook(payload, self.headers, secrets)
            print(f"verified {event['type']} {event['id']}", flush=True)
            self.send_response(204)
        except WebhookVerificationError as error:
            print(f"rejected: {error}", flush=True)
            self.send_response(400)
        self.end_headers()

    def log_message(self, format, *args):
        pass  # keep stdout to the lines above


port = int(os.environ.get("PORT", "3000"))
server = HTTPServer(("127.0.0.1", port), Receiver)
print(f"listening on {port}", flush=True)
server.serve_forever()
