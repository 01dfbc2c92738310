import { getIronSession, nextProxyCookies } from "iron-session";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, sessionOptions, type SessionData } from "./lib/session";
import { REFRESH_AHEAD_MS, refreshSession } from "./lib/session-refresh";
import { requestHost, surfaceForHost } from "./lib/surface";

/**
 * dashboard.localhost shows the dashboard's pages, every other host the storefront pages. A signed-in
 * consumer's access token is renewed here, before the page renders: only a proxy (or an action) may
 * set the cookie, and the page then reads the new one in the same request.
 */
export async function proxy(request: NextRequest) {
  let response: NextResponse;
  if (surfaceForHost(requestHost(request.headers)).kind === "dashboard" && !request.nextUrl.pathname.startsWith("/dashboard")) {
    const url = request.nextUrl.clone();
    url.pathname = "/dashboard";
    response = NextResponse.rewrite(url);
  } else {
    response = NextResponse.next();
  }
  if (request.cookies.has(SESSION_COOKIE)) await renewSession(request, response);
  return response;
}

async function renewSession(request: NextRequest, response: NextResponse): Promise<void> {
  const https = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const session = await getIronSession<SessionData>(nextProxyCookies(request, response), sessionOptions(https));
  if (!session.refreshToken || !session.brandId || (session.accessExpiresAt ?? 0) - Date.now() > REFRESH_AHEAD_MS) return;
  const renewed = await refreshSession(session as SessionData);
  if (!renewed) {
    session.destroy();
    return;
  }
  session.accessToken = renewed.access_token;
  session.accessExpiresAt = Date.now() + renewed.expires_in * 1000;
  session.refreshToken = renewed.refresh_token;
  session.displayName = renewed.account.display_name;
  session.email = renewed.account.email;
  await session.save();
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
