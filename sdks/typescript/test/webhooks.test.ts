import assert from "node:assert/strict";
import { test } from "node:test";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "@repurch/sdk";

const secret = "whsec_" + Buffer.from("a".repeat(32)).toString("base64");
const previous = "whsec_" + Buffer.from("b".repeat(32)).toString("base64");
const payload = JSON.stringify({ id: "evt_1", type: "listing.created", data: { object: { id: "lst_1" } } });
const now = new Date("2026-12-03T07:00:00Z");
const ts = Math.floor(now.getTime() / 1000);

function headers(signature: string, timestamp = ts) {
  return { "webhook-id": "evt_1", "webhook-timestamp": String(timestamp), "webhook-signature": signature };
}

test("a delivery signed with the secret verifies and returns the event", () => {
  const event = verifyWebhook({ payload, headers: headers(signWebhook(secret, "evt_1", ts, payload)), secrets: secret, now });
  assert.equal(event.type, "listing.created");
});

test("during a rotation: a header with both signatures, and a receiver holding both secrets", () => {
  const both = `${signWebhook(secret, "evt_1", ts, payload)} ${signWebhook(previous, "evt_1", ts, payload)}`;
  assert.equal(verifyWebhook({ payload, headers: new Headers(headers(both)), secrets: previous, now }).id, "evt_1");
  assert.equal(verifyWebhook({ payload, headers: headers(signWebhook(previous, "evt_1", ts, payload)), secrets: [secret, previous], now }).id, "evt_1");
});

test("a tampered body, a wrong secret, another id, an old or future timestamp and missing headers are refused", () => {
  const good = signWebhook(secret, "evt_1", ts, payload);
  const refuse = (options: Parameters<typeof verifyWebhook>[0]) => assert.throws(() => verifyWebhook(options), WebhookVerificationError);
  refuse({ payload: payload.replace("lst_1", "lst_2"), headers: headers(good), secrets: secret, now });
  refuse({ payload, headers: headers(good), secrets: previous, now });
  refuse({ payload, headers: { ...headers(good), "webhook-id": "evt_2" }, secrets: secret, now });
  refuse({ payload, headers: headers(signWebhook(secret, "evt_1", ts - 301, payload), ts - 301), secrets: secret, now });
  refuse({ payload, headers: headers(signWebhook(secret, "evt_1", ts + 301, payload), ts + 301), secrets: secret, now });
  refuse({ payload, headers: { "webhook-id": "evt_1", "webhook-timestamp": String(ts) }, secrets: secret, now });
  refuse({ payload, headers: headers("v1,not-base64-of-anything"), secrets: secret, now });
  // Inside a wider tolerance the old one passes.
  assert.equal(verifyWebhook({ payload, headers: headers(signWebhook(secret, "evt_1", ts - 301, payload), ts - 301), secrets: secret, now, toleranceSeconds: 600 }).id, "evt_1");
});
