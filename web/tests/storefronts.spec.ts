import { expect, test } from "@playwright/test";
import { fixture, marketplace, screenshots, storefront } from "./fixture";

const [a, b] = fixture.brands;

/** The colour as the browser computes it, e.g. #1F4FD9 → rgb(31, 79, 217). */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

test("two brands' storefronts show only their own listings, each in its own accent colour", async ({ page }) => {
  for (const [own, other] of [[a, b], [b, a]]) {
    await page.goto(storefront(own));
    await expect(page.locator(".brand-name")).toHaveText(`${own.displayName} Clearance`);
    await expect(page.getByTestId("listings")).toContainText(own.listingTitle);
    await expect(page.getByTestId("listings")).not.toContainText(other.listingTitle);
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
    expect(accent.toUpperCase()).toBe(own.accent);
    await expect(page.locator(".site-header")).toHaveCSS("background-color", rgb(own.accent));
    await expect(page.locator(".brand-name")).toHaveCSS("color", rgb(own.onAccent));
    await screenshots(page, `home-${own === a ? "a" : "b"}`);
  }
});

test("a listing page shows its price with the RRP struck through and its JSON-LD Product offer", async ({ page }) => {
  await page.goto(storefront(a, a.listingPath));
  await expect(page.locator("h1")).toHaveText(a.listingTitle);
  await expect(page.getByTestId("price")).toHaveText(a.price);
  await expect(page.locator(".price del")).toHaveText(`RRP ${a.rrp}`);
  await expect(page).toHaveTitle(`${a.listingTitle} | ${a.displayName} Clearance`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", storefront(a, a.listingPath));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", a.listingTitle);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld["@type"]).toBe("Product");
  expect(ld.name).toBe(a.listingTitle);
  expect(ld.offers).toMatchObject({ "@type": "Offer", priceCurrency: "GBP", availability: "https://schema.org/InStock", itemCondition: "https://schema.org/UsedCondition" });
  expect(ld.offers.price).toBe(a.price.replace(/[£,]/g, "") + ".00");
  await screenshots(page, "listing");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a listing page is rendered on the server, whole", async ({ page }) => {
    await page.goto(storefront(a, a.listingPath));
    await expect(page.locator("h1")).toHaveText(a.listingTitle);
    await expect(page.getByTestId("price")).toHaveText(a.price);
    await expect(page.getByRole("heading", { name: "Measurements" })).toBeVisible();
    await screenshots(page, "listing-no-js");
  });

  test("search finds a listing by a word of its title through the plain GET form", async ({ page }) => {
    await page.goto(storefront(a, "/search"));
    await page.getByLabel("Search", { exact: true }).fill(fixture.searchWord);
    await page.getByRole("button", { name: "Show sofas" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${fixture.searchWord}`));
    await expect(page.getByTestId("listings")).toContainText(a.listingTitle);
    await expect(page.getByRole("status")).toHaveText("1 sofa");
    await screenshots(page, "search");
  });
});

test("the marketplace finds every brand's cross-listed sofas, in its own colours, and opens them", async ({ page }) => {
  await page.goto(marketplace());
  await expect(page.locator(".brand-name")).toHaveText(fixture.marketplace.displayName);
  await expect(page.locator(".site-header")).toHaveCSS("background-color", rgb(fixture.marketplace.accent));
  await screenshots(page, "marketplace-home");
  await page.goto(marketplace(`/search?q=${fixture.searchWord}`));
  await page.getByRole("link", { name: new RegExp(a.listingTitle) }).click();
  await expect(page).toHaveURL(marketplace(a.listingPath));
  await expect(page.getByTestId("price")).toHaveText(a.price);
});

test("the dashboard host says the dashboard comes later", async ({ page }) => {
  await page.goto(`http://dashboard.localhost:${fixture.port}/`);
  await expect(page.locator("h1")).toHaveText("Partner dashboard");
  await expect(page.locator("main")).toContainText("issue 15");
  await screenshots(page, "dashboard");
});
