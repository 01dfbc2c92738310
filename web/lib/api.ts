import "server-only";
import { Repurch, RepurchError, type components } from "@repurch/sdk";
import { webKeys } from "./keys";
import type { Surface } from "./surface";

export type ListingSummary = components["schemas"]["ListingSummary"];
export type ListingDetail = components["schemas"]["ListingDetail"];
export type ListingPage = components["schemas"]["MarketplaceListingPage"];
export type Facets = components["schemas"]["MarketplaceFacets"];

/** GET /v1/storefront/profile: the brand's public profile and its computed theme colours. */
export interface StorefrontProfile {
  brand_id: string;
  display_name: string | null;
  tagline: string | null;
  description: string | null;
  logo_url: string | null;
  support_email: string | null;
  support_phone: string | null;
  theme: { accent: string; on_accent: string; accent_text: string };
}

/** The listing endpoints' query parameters (the storefront's channel comes from the host). */
export interface ListingQuery {
  q?: string;
  category?: string;
  channel?: string;
  condition?: string;
  colour?: string;
  fabric?: string;
  item_type?: string;
  min_price?: string;
  max_price?: string;
  sort?: string;
  facets?: boolean;
  page?: number;
  per_page?: number;
}

const clients = new Map<string, Repurch>();

function client(key: string): Repurch {
  let c = clients.get(key);
  if (!c) {
    // Two retries with a short backoff: a page waits at most about a second for a flaky API.
    c = new Repurch({ apiKey: key, baseUrl: process.env.REPURCH_API_URL ?? "http://127.0.0.1:8080", userAgent: "repurch-web/0.1.0", maxRetries: 2, baseDelayMs: 200 });
    clients.set(key, c);
  }
  return c;
}

/** The key for a surface, or undefined for a brand without a storefront here (its pages are 404). */
export function keyFor(surface: Surface): string | undefined {
  const keys = webKeys();
  if (surface.kind === "storefront") return keys.storefronts[surface.brandId];
  return keys.marketplace;
}

function required(surface: Surface): string {
  const key = keyFor(surface);
  if (!key) throw new Error(`no key for ${surface.kind === "storefront" ? surface.brandId : surface.kind}`);
  return key;
}

async function getJson<T>(key: string, path: string): Promise<T> {
  const response = await client(key).request(path);
  return (await response.json()) as T;
}

/** One page of the surface's listings: a brand's own for its channel, or the marketplace's cross-listed ones. */
export function listListings(surface: Surface, query: ListingQuery = {}): Promise<ListingPage> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && value !== false) params.set(name, String(value));
  }
  if (surface.kind === "storefront") params.set("channel", surface.channel);
  const base = surface.kind === "storefront" ? "/v1/storefront/listings" : "/v1/marketplace/listings";
  return getJson<ListingPage>(required(surface), `${base}?${params}`);
}

/** A listing's detail, or null when this surface cannot see it (another brand's, sold, or unknown). */
export async function getListing(surface: Surface, id: string): Promise<ListingDetail | null> {
  const base = surface.kind === "storefront" ? "/v1/storefront/listings" : "/v1/marketplace/listings";
  try {
    const listing = await getJson<ListingDetail>(required(surface), `${base}/${encodeURIComponent(id)}`);
    if (surface.kind === "storefront" && listing.channel !== surface.channel) return null;
    return listing;
  } catch (error) {
    if (error instanceof RepurchError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

const PROFILE_TTL_MS = 5_000;
const profiles = new Map<string, { value: StorefrontProfile | null; until: number }>();

/**
 * The surface's brand profile, cached for 5 s per key so a settings change shows within seconds
 * without every page asking the API. Null when the API has none for it (the default theme applies).
 */
export async function getProfile(surface: Surface): Promise<StorefrontProfile | null> {
  const key = keyFor(surface);
  if (!key) return null;
  const hit = profiles.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  let value: StorefrontProfile | null;
  try {
    value = await getJson<StorefrontProfile>(key, "/v1/storefront/profile");
  } catch (error) {
    if (!(error instanceof RepurchError && error.status === 404)) throw error;
    value = null;
  }
  profiles.set(key, { value, until: Date.now() + PROFILE_TTL_MS });
  return value;
}

export { RepurchError };
