import "server-only";
import { Repurch, RepurchError, type components } from "@repurch/sdk";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { apiClient, keyFor } from "./api";
import { currentAccount, type SessionData } from "./session";
import type { Surface } from "./surface";

export type AccountSession = components["schemas"]["AccountSession"];

/** A brand's storefront: accounts exist there only (the marketplace's key cannot sign anyone up). */
export type StorefrontSurface = Extract<Surface, { kind: "storefront" }>;

/** The visitor's address for the API's per-client sign-in throttle (Next puts the socket's in x-forwarded-for). */
async function visitorAddress(): Promise<Record<string, string>> {
  const forwarded = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded ? { "Repurch-Forwarded-For": forwarded } : {};
}

function storefrontClient(surface: StorefrontSurface): Repurch {
  if (!keyFor(surface)) throw new Error(`no key for ${surface.brandId}`);
  return apiClient(keyFor(surface)!);
}

/** The session cookie's contents for an API session (sign-up signs in at once, as sign-in does). */
export function sessionData(brandId: string, s: AccountSession): SessionData {
  return {
    brandId,
    accountId: s.account.id,
    displayName: s.account.display_name,
    email: s.account.email,
    accessToken: s.access_token,
    accessExpiresAt: Date.now() + s.expires_in * 1000,
    refreshToken: s.refresh_token,
  };
}

export async function signUp(surface: StorefrontSurface, body: { email: string; password: string; display_name: string }): Promise<void> {
  await storefrontClient(surface).post("/v1/accounts", { body, headers: await visitorAddress() });
}

export async function signIn(surface: StorefrontSurface, body: { email: string; password: string }): Promise<AccountSession> {
  return storefrontClient(surface).post("/v1/accounts/sessions", { body, headers: await visitorAddress() });
}

/** Retires the refresh token family; a token that already lapsed is signed out all the same. */
export async function signOut(session: SessionData): Promise<void> {
  try {
    await consumerClient(session).delete("/v1/accounts/sessions/current");
  } catch (error) {
    if (!(error instanceof RepurchError && error.status === 401)) throw error;
  }
}

/** The API as the signed-in consumer (their access token as the bearer; the proxy keeps it fresh). */
export function consumerClient(session: SessionData): Repurch {
  return new Repurch({ apiKey: session.accessToken, baseUrl: process.env.REPURCH_API_URL ?? "http://127.0.0.1:8080", userAgent: "repurch-web/0.1.0", maxRetries: 1, baseDelayMs: 200 });
}

/** The signed-in consumer of this storefront, or a redirect to sign in that comes back to `returnTo`. */
export async function requireAccount(surface: Surface, returnTo: string): Promise<{ session: SessionData; api: Repurch; surface: StorefrontSurface }> {
  if (surface.kind !== "storefront") redirect("/");
  const session = await currentAccount(surface.brandId);
  if (!session) redirect(`/account/sign-in?next=${encodeURIComponent(returnTo)}`);
  return { session, api: consumerClient(session), surface };
}

/** Only a local path may be a return address (never another site: no open redirect). */
export function safeReturnPath(value: FormDataEntryValue | string | null | undefined, fallback = "/account"): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
