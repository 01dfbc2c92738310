import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** One test brand's clearance storefront, as the C# test created it through the API. */
export interface FixtureBrand {
  id: string;
  displayName: string;
  accent: string;
  onAccent: string;
  listingTitle: string;
  listingPath: string;
  price: string;
  rrp: string;
}

/** Written by tests/Repurch.Api.Tests/Web/StorefrontBrowserTests.cs (REPURCH_WEB_FIXTURE). */
export interface Fixture {
  port: number;
  searchWord: string;
  brands: [FixtureBrand, FixtureBrand];
  /** The marketplace brand's profile (its key reads every brand's cross-listed listings). */
  marketplace: { displayName: string; accent: string };
  /** The API itself and each test brand's keys, for specs that also act as the partner (never shown on a page). */
  api: { url: string; keys: Record<string, { admin: string; storefront: string }> };
}

export const fixture: Fixture = JSON.parse(readFileSync(process.env.REPURCH_WEB_FIXTURE ?? "", "utf8"));

export function storefront(brand: FixtureBrand, path = "/"): string {
  return `http://clearance.${brand.id}.localhost:${fixture.port}${path}`;
}

export function marketplace(path = "/"): string {
  return `http://sofalistic.localhost:${fixture.port}${path}`;
}

/** Screenshots at a phone's and a desktop's width, into test-results/screenshots/ (not committed). */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
  }
}

/** A brand's exchange (trade-in) storefront. */
export function exchange(brand: FixtureBrand, path = "/"): string {
  return `http://exchange.${brand.id}.localhost:${fixture.port}${path}`;
}

/** The API as a partner (the brand's admin key): for what a spec does outside the web app. */
export async function partnerApi(brand: FixtureBrand, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${fixture.api.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${fixture.api.keys[brand.id].admin}`, "Content-Type": "application/json", ...(method === "GET" ? {} : { "Idempotency-Key": crypto.randomUUID() }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** An email address no other run has used. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.com`;
}
