import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "./errors.js";

/** Headers as Node's `req.headers`, a fetch `Headers`, or a plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (verify before parsing: re-serialised JSON does not match). */
  payload: string | Uint8Array;
  headers: WebhookHeaders;
  /** The endpoint's `whsec_…` secret, or both during a rotation (the new one and the previous one). */
  secrets: string | string[];
  /** How far webhook-timestamp may be from now, in seconds (default 300): older deliveries are replays. */
  toleranceSeconds?: number;
  /** For tests: the current time. */
  now?: Date;
}

/** A verified delivery: the event as the API sent it. */
export interface WebhookEvent {
  id: string;
  type: string;
  created_at?: string;
  data?: unknown;
  [key: string]: unknown;
}

const SECRET_PREFIX = "whsec_";

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/** HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under the secret's key bytes (Standard Webhooks). */
export function signWebhook(secret: string, id: string, timestamp: number, payload: string | Uint8Array): string {
  if (!secret.startsWith(SECRET_PREFIX)) throw new TypeError("a webhook secret starts with whsec_");
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  const body = typeof payload === "string" ? Buffer.from(payload, "utf8") : Buffer.from(payload);
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64");
  return `v1,${mac}`;
}

/**
 * Checks a delivery's `webhook-signature` (space-separated `v1,<base64>` entries: the API signs with
 * every secret valid during a rotation) against any of `secrets`, and that `webhook-timestamp` is
 * within the tolerance. Returns the parsed event, or throws WebhookVerificationError.
 */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookEvent {
  const id = header(options.headers, "webhook-id");
  const timestamp = header(options.headers, "webhook-timestamp");
  const signature = header(options.headers, "webhook-signature");
  if (!id || !timestamp || !signature) throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError("webhook-timestamp is not a number of seconds");
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > tolerance) throw new WebhookVerificationError("webhook-timestamp is outside the tolerance window");
  const secrets = Array.isArray(options.secrets) ? options.secrets : [options.secrets];
  if (secrets.length === 0) throw new TypeError("pass at least one webhook secret");
  const sent = signature.split(" ").filter((s) => s.startsWith("v1,")).map((s) => Buffer.from(s.slice(3), "base64"));
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), options.payload).slice(3), "base64");
    return sent.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
  });
  if (!matches) throw new WebhookVerificationError("no webhook-signature matches the secret");
  const text = typeof options.payload === "string" ? options.payload : Buffer.from(options.payload).toString("utf8");
  try {
    return JSON.parse(text) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError("the payload is not JSON");
  }
}
