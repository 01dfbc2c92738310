import "server-only";
import { RepurchError, type components } from "@repurch/sdk";
import { apiClient } from "./api";
import { webKeys } from "./keys";
import type { SessionData } from "./session";

type AccountSession = components["schemas"]["AccountSession"];

/**
 * Refresh this long before the access token lapses, so a page never renders with a token about to expire
 * (REPURCH_WEB_REFRESH_AHEAD_SECONDS, default 60; the browser tests raise it to renew within seconds).
 */
export const REFRESH_AHEAD_MS = (Number(process.env.REPURCH_WEB_REFRESH_AHEAD_SECONDS) || 60) * 1000;

/**
 * One refresh per refresh token, shared for a minute: a page and its prefetches arrive together with
 * the same cookie, and sending a retired refresh token twice would revoke the whole session.
 */
const inFlight = new Map<string, { result: Promise<AccountSession | null>; until: number }>();

/** The new pair for a session's refresh token, or null when the API no longer honours it (signed out elsewhere, disabled). */
export function refreshSession(session: SessionData): Promise<AccountSession | null> {
  const now = Date.now();
  for (const [token, entry] of inFlight) if (entry.until < now) inFlight.delete(token);
  const hit = inFlight.get(session.refreshToken);
  if (hit) return hit.result;
  const key = webKeys().storefronts[session.brandId];
  const result = (async () => {
    if (!key) return null;
    try {
      return await apiClient(key).post("/v1/accounts/sessions/refresh", { body: { refresh_token: session.refreshToken } });
    } catch (error) {
      if (error instanceof RepurchError && error.status === 401) return null;
      throw error;
    }
  })();
  inFlight.set(session.refreshToken, { result, until: now + 60_000 });
  return result;
}
