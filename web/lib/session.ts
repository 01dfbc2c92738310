import "server-only";
import { getIronSession, type IronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { webKeys } from "./keys";

/**
 * A signed-in consumer, sealed (encrypted and signed) in an httpOnly cookie of the storefront's own
 * host: the browser holds it but cannot read it; the tokens inside never reach a page.
 */
export interface SessionData {
  /** The brand the account belongs to: a cookie is only honoured on that brand's storefronts. */
  brandId: string;
  accountId: string;
  displayName: string;
  email: string;
  accessToken: string;
  /** Epoch milliseconds when the access token lapses (the proxy refreshes it a little before). */
  accessExpiresAt: number;
  refreshToken: string;
}

export const SESSION_COOKIE = "repurch_session";
/** As long as the API's refresh token lives (30 days). */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

/** The cookie's options; Secure when the visitor came over HTTPS (always in production behind TLS). */
export function sessionOptions(secure: boolean): SessionOptions {
  const secret = webKeys().sessionSecret;
  if (!secret || secret.length < 32) throw new Error("the web keys file has no session_secret of at least 32 characters");
  return {
    cookieName: SESSION_COOKIE,
    password: secret,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure, path: "/" },
  };
}

async function isHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The request's session (empty when signed out); `save()` and `destroy()` work in server actions only. */
export async function getSession(): Promise<IronSession<SessionData>> {
  return getIronSession<SessionData>(await cookies(), sessionOptions(await isHttps()));
}

/** The signed-in consumer of this brand, or null (signed out, or a cookie from another brand's host). */
export async function currentAccount(brandId: string): Promise<SessionData | null> {
  const session = await getSession();
  if (!session.accountId || !session.accessToken || session.brandId !== brandId) return null;
  return session as SessionData;
}
