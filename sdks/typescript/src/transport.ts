import { randomUUID } from "node:crypto";
import { RepurchConnectionError, RepurchError } from "./errors.js";
import { VERSION } from "./version.js";

/** An access token and its refresh token, as `POST /v1/auth/token` and `/v1/auth/refresh` return them. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires; unknown means "refresh when the API answers 401". */
  expiresAt?: Date;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 turns retrying off). */
  maxRetries?: number;
  /** The first backoff, doubled on each retry (default 500 ms), with jitter. */
  baseDelayMs?: number;
  /** No backoff or Retry-After wait is longer than this (default 20 s). */
  maxDelayMs?: number;
}

export interface TransportOptions extends RetryOptions {
  baseUrl: string;
  apiKey?: string;
  tokens?: TokenPair;
  /** Called with every new pair after a refresh: store it (the old refresh token is now retired). */
  onTokens?: (tokens: TokenPair) => void | Promise<void>;
  fetch?: (request: Request) => Promise<Response>;
  /** Appended to the SDK's own User-Agent (`repurch-typescript/<version> node/<version>`). */
  userAgent?: string;
  /** For tests: how the client waits between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Refresh this long before the known expiry, so a request does not leave with a token about to lapse. */
const EXPIRY_SKEW_MS = 30_000;

/**
 * The one place every request goes through (openapi-fetch's `fetch`): the bearer (key or access token,
 * refreshed once on a 401), an Idempotency-Key per mutation kept across its retries, retries with
 * exponential backoff and jitter on connection errors, 409 idempotency_key_in_use, 429 and 5xx (never
 * another 4xx), and a RepurchError for any answer that is not 2xx in the end.
 */
export class Transport {
  readonly userAgent: string;
  private tokens?: TokenPair;
  private refreshing?: Promise<void>;
  private readonly fetchImpl: (request: Request) => Promise<Response>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: TransportOptions) {
    if (!options.apiKey && !options.tokens) throw new TypeError("Repurch: pass apiKey or tokens");
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? ((r) => globalThis.fetch(r));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 20_000;
    this.userAgent = `repurch-typescript/${VERSION} node/${process.versions.node}` + (options.userAgent ? ` ${options.userAgent}` : "");
  }

  /** The current token pair (after any refresh), when the client runs on tokens. */
  get currentTokens(): TokenPair | undefined {
    return this.tokens;
  }

  /** Sends a request (absolute URL, or a path under the base URL) with auth, idempotency and retries. */
  async send(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    const headers = new Headers(request.headers);
    if (MUTATIONS.has(method) && !headers.has("idempotency-key")) headers.set("Idempotency-Key", randomUUID());
    headers.set("User-Agent", this.userAgent);
    const ownAuth = headers.has("authorization");
    // Buffered once, so every retry sends the same bytes under the same key.
    const body = request.body ? await request.arrayBuffer() : undefined;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      let bearer: string | undefined;
      if (!ownAuth) {
        bearer = await this.bearer();
        headers.set("Authorization", `Bearer ${bearer}`);
      }
      let response: Response;
      try {
        response = await this.fetchImpl(new Request(request.url, { method, headers, body, signal: request.signal, redirect: request.redirect }));
      } catch (error) {
        if (request.signal?.aborted) throw error;
        if (attempt < this.maxRetries) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        throw new RepurchConnectionError(`${method} ${new URL(request.url).pathname}: ${(error as Error).message}`, { cause: error });
      }
      if (response.status === 401 && !ownAuth && this.tokens && !refreshed) {
        // The access token lapsed (or was revoked): one refresh, then the same request again.
        refreshed = true;
        await response.body?.cancel();
        await this.refresh(bearer!);
        attempt--;
        continue;
      }
      if (attempt < this.maxRetries && (await this.retryable(response))) {
        const wait = this.retryAfter(response) ?? this.backoff(attempt);
        await response.body?.cancel();
        await this.sleep(wait);
        continue;
      }
      if (!response.ok) throw await RepurchError.from(response);
      return response;
    }
  }

  /** Resolves a path such as `/v1/listings` against the base URL. */
  url(path: string): string {
    return new URL(path, this.options.baseUrl.endsWith("/") ? this.options.baseUrl : this.options.baseUrl + "/").toString();
  }

  private async retryable(response: Response): Promise<boolean> {
    if (response.status === 429 || response.status >= 500) return true;
    if (response.status !== 409) return false;
    // Another attempt with this key is still running: retrying gets its answer once it is done.
    const error = await RepurchError.from(response.clone());
    return error.code === "idempotency_key_in_use";
  }

  /** Retry-After in seconds or as an HTTP date, capped at maxDelayMs. */
  private retryAfter(response: Response): number | undefined {
    const value = response.headers.get("retry-after");
    if (!value) return undefined;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), this.maxDelayMs) : undefined;
  }

  /** Exponential backoff with jitter: between half and all of base * 2^attempt, capped. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async bearer(): Promise<string> {
    if (!this.tokens) return this.options.apiKey!;
    if (this.tokens.expiresAt && this.tokens.expiresAt.getTime() - EXPIRY_SKEW_MS <= Date.now()) await this.refresh(this.tokens.accessToken);
    return this.tokens.accessToken;
  }

  /**
   * One refresh at a time: concurrent 401s share it, and a request whose token was already replaced
   * just uses the new one (sending a retired refresh token twice would revoke the whole family).
   * Never retried for the same reason: an answer lost on the way back has already rotated the token.
   */
  private async refresh(staleAccessToken: string): Promise<void> {
    if (this.tokens && this.tokens.accessToken !== staleAccessToken) return;
    this.refreshing ??= (async () => {
      try {
        const response = await this.fetchImpl(new Request(this.url("v1/auth/refresh"), {
          method: "POST",
          headers: { "Content-Type": "application/json", "User-Agent": this.userAgent },
          body: JSON.stringify({ refresh_token: this.tokens!.refreshToken }),
        }));
        if (!response.ok) throw await RepurchError.from(response);
        const pair = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number };
        this.tokens = { accessToken: pair.access_token, refreshToken: pair.refresh_token, expiresAt: new Date(Date.now() + pair.expires_in * 1000) };
        await this.options.onTokens?.(this.tokens);
      } finally {
        this.refreshing = undefined;
      }
    })();
    await this.refreshing;
  }
}
