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
