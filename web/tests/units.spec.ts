// Pure functions, checked without a browser (Playwright runs them like any spec; no page is opened).
import { expect, test } from "@playwright/test";
import { idFromSlug } from "../lib/slug";
import { isCustomHost, surfaceForHost } from "../lib/surface";
import { formatPrice, listingPath } from "../ui/format";
import { themeStyle } from "../ui/theme";

test("host names map to the marketplace, a brand's storefronts or the dashboard", () => {
  expect(surfaceForHost("sofalistic.localhost:3000")).toEqual({ kind: "marketplace" });
  expect(surfaceForHost("exchange.furniture-co.localhost:3000")).toEqual({ kind: "storefront", brandId: "furniture-co", channel: "exchange" });
  expect(surfaceForHost("CLEARANCE.Brand-B.localhost")).toEqual({ kind: "storefront", brandId: "brand-b", channel: "clearance" });
  expect(surfaceForHost("dashboard.localhost:3000")).toEqual({ kind: "dashboard" });
  // Anything else is the marketplace, never a guessed brand.
  for (const host of ["127.0.0.1:3000", "outlet.furniture-co.localhost", "exchange.furniture-co.example.com", "", null]) {
    expect(surfaceForHost(host)).toEqual({ kind: "marketplace" });
  }
});

test("only real names outside .localhost are looked up as a brand's custom domain", () => {
  for (const host of ["shop.furniture-co.co.uk", "Outlet.Example.com.:443"]) expect(isCustomHost(host)).toBe(true);
  for (const host of ["sofalistic.localhost:3000", "localhost", "127.0.0.1:3000", "[::1]:3000", "intranet", "", null]) expect(isCustomHost(host)).toBe(false);
});

test("prices read like £1,299, with pence only when there are some", () => {
  expect(formatPrice(1299)).toBe("£1,299");
  expect(formatPrice(899)).toBe("£899");
  expect(formatPrice(291.2)).toBe("£291.20");
  expect(formatPrice(12500.5)).toBe("£12,500.50");
});

test("a listing's id comes from the end of its slug, and its path from the API's url", () => {
  expect(idFromSlug("grey-velvet-corner-sofa-42")).toBe(42);
  expect(idFromSlug("3-seater-sofa-7")).toBe(7);
  expect(idFromSlug("42")).toBe(42);
  expect(idFromSlug("grey-velvet-corner-sofa")).toBeNull();
  expect(listingPath("https://sofalistic.co.uk/product/grey-velvet-corner-sofa-42")).toBe("/product/grey-velvet-corner-sofa-42");
});

test("theme colours become custom properties, and only six-digit hex codes get in", () => {
  expect(themeStyle({ accent: "#F5C518", on_accent: "#000000", accent_text: "#7A5F00" })).toEqual({
    "--accent": "#F5C518", "--on-accent": "#000000", "--accent-text": "#7A5F00",
  });
  expect(themeStyle({ accent: "red;background:url(x)" })).toMatchObject({ "--accent": "#1F4FD9" });
  expect(themeStyle(null)).toMatchObject({ "--on-accent": "#FFFFFF" });
});
