"""The Repurch API SDK for Python (standard library only)."""
from .client import DEFAULT_BASE_URL, Repurch
from .errors import RepurchConnectionError, RepurchError, WebhookVerificationError
from .transport import Response, TokenPair
from .version import VERSION
from .webhooks import sign_webhook, verify_webhook

__all__ = [
    "DEFAULT_BASE_URL", "Repurch", "RepurchConnectionError", "RepurchError", "Response", "TokenPair", "VERSION",
    "WebhookVerificationError", "sign_webhook", "verify_webhook",
]
