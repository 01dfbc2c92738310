import base64
import calendar
import json
import unittest

from repurch import WebhookVerificationError, sign_webhook, verify_webhook

SECRET = "whsec_" + base64.b64encode(b"a" * 32).decode()
PREVIOUS = "whsec_" + base64.b64encode(b"b" * 32).decode()
PAYLOAD = json.dumps({"id": "evt_1", "type": "listing.created", "data": {"object": {"id": "lst_1"}}})
NOW = calendar.timegm((2026, 12, 3, 7, 0, 0))
TS = NOW


def headers(signature, timestamp=TS):
    return {"webhook-id": "evt_1", "webhook-timestamp": str(timestamp), "webhook-signature": signature}


class WebhookTests(unittest.TestCase):
    def test_a_delivery_signed_with_the_secret_verifies_and_returns_the_event(self):
        event = verify_webhook(PAYLOAD.encode(), headers(sign_webhook(SECRET, "evt_1", TS, PAYLOAD)), SECRET, now=NOW)
        self.assertEqual(event["type"], "listing.created")

    def test_the_signature_is_hmac_sha256_of_id_timestamp_body_under_the_decoded_secret(self):
        # Computed independently: printf 'evt_1.1796281200.{}' | openssl dgst -sha256 -hmac aaaa...(32) -binary | base64
        self.assertEqual(sign_webhook(SECRET, "evt_1", 1796281200, "{}"), "v1,0SVbXwo7zkcSoUtEky5+g7tjTxDKViqxn+58ZN805hY=")

    def test_during_a_rotation_a_header_with_both_signatures_and_a_receiver_holding_both_secrets(self):
        both = f"{sign_webhook(SECRET, 'evt_1', TS, PAYLOAD)} {sign_webhook(PREVIOUS, 'evt_1', TS, PAYLOAD)}"
        self.assertEqual(verify_webhook(PAYLOAD, {k.upper(): v for k, v in headers(both).items()}, PREVIOUS, now=NOW)["id"], "evt_1")
        self.assertEqual(verify_webhook(PAYLOAD, headers(sign_webhook(PREVIOUS, "evt_1", TS, PAYLOAD)), [SECRET, PREVIOUS], now=NOW)["id"], "evt_1")

    def test_a_tampered_body_a_wrong_secret_another_id_an_old_or_future_timestamp_and_missing_headers_are_refused(self):
        good = sign_webhook(SECRET, "evt_1", TS, PAYLOAD)
        cases = {
            "tampered body": (PAYLOAD.replace("lst_1", "lst_2"), headers(good), SECRET),
            "wrong secret": (PAYLOAD, headers(good), PREVIOUS),
            "another id": (PAYLOAD, {**headers(good), "webhook-id": "evt_2"}, SECRET),
            "old": (PAYLOAD, headers(sign_webhook(SECRET, "evt_1", TS - 301, PAYLOAD), TS - 301), SECRET),
            "future": (PAYLOAD, headers(sign_webhook(SECRET, "evt_1", TS + 301, PAYLOAD), TS + 301), SECRET),
            "missing signature": (PAYLOAD, {"webhook-id": "evt_1", "webhook-timestamp": str(TS)}, SECRET),
            "not base64": (PAYLOAD, headers("v1,not-base64-of-anything"), SECRET),
            "not seconds": (PAYLOAD, headers(good, "soon"), SECRET),
        }
        for name, (payload, hdrs, secrets) in cases.items():
            with self.subTest(name), self.assertRaises(WebhookVerificationError):
                verify_webhook(payload, hdrs, secrets, now=NOW)
        # Inside a wider tolerance the old one passes.
        old = headers(sign_webhook(SECRET, "evt_1", TS - 301, PAYLOAD), TS - 301)
        self.assertEqual(verify_webhook(PAYLOAD, old, SECRET, tolerance_seconds=600, now=NOW)["id"], "evt_1")

    def test_the_reason_names_what_failed(self):
        with self.assertRaisesRegex(WebhookVerificationError, "^no webhook-signature matches the secret$"):
            verify_webhook(PAYLOAD, headers("v1," + base64.b64encode(bytes(32)).decode()), SECRET, now=NOW)
        with self.assertRaisesRegex(WebhookVerificationError, "tolerance window"):
            verify_webhook(PAYLOAD, headers(sign_webhook(SECRET, "evt_1", TS, PAYLOAD)), SECRET, now=NOW + 301)


if __name__ == "__main__":
    unittest.main()
