import "server-only";
import { Repurch, RepurchError, type components, type paths } from "@repurch/sdk";
import { webKeys } from "./keys";
import type { Surface } from "./surface";

export type ListingSummary = components["schemas"]["ListingSummary"];
export type ListingDetail = components["schemas"]["ListingDetail"];
export type ListingPage = components["schemas"]["MarketplaceListingPage"];
export type Facets = components["schemas"]["MarketplaceFacets"];

/** GET /v1/storefront/profile: the brand's public profile and its computed theme colours. */
export type StorefrontProfile = components["schemas"]["StorefrontProfile"];

/** The listing endpoints' query parameters (a storefront's channel comes from its host). */
export type ListingQuery = Omit<NonNullable<paths["/v1/marketplace/listings"]["get"]["parameters"]["query"]>, "brand_id">;
export type Sort = NonNullable<ListingQuery["sort"]>;
export type Channel = NonNullable<ListingQuery["channel"]>;

const clients = new Map<string, Repurch>();

/** The API with a server key (one client per key, kept for the process). */
export function apiClient(key: string): Repurch {
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

/** Empty filters left out, so the API sees only what the visitor chose. */
function given(query: ListingQuery): ListingQuery {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "" && v !== false)) as ListingQuery;
}

/** One page of the surface's listings: a brand's own for its channel, or the marketplace's cross-listed ones. */
export function listListings(surface: Surface, query: ListingQuery = {}): Promise<ListingPage> {
  const api = apiClient(required(surface));
  if (surface.kind === "storefront") return api.get("/v1/storefront/listings", { params: { query: { ...given(query), channel: surface.channel } } });
  return api.get("/v1/marketplace/listings", { params: { query: given(query) } });
}

/** A listing's detail, or null when this surface cannot see it (another brand's, sold, or unknown). */
export async function getListing(surface: Surface, id: number): Promise<ListingDetail | null> {
  const api = apiClient(required(surface));
  try {
    if (surface.kind !== "storefront") return await api.get("/v1/marketplace/listings/{id}", { params: { path: { id } } });
    const listing = await api.get("/v1/storefront/listings/{id}", { params: { path: { id } } });
    return listing.channel === surface.channel ? listing : null;
  } catch (error) {
    if (error instanceof RepurchError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

const DOMAIN_TTL_MS = 30_000;
const domains = new Map<string, { value: Surface | null; until: number }>();

/**
 * The storefront a brand has mapped a custom host to and verified (`GET /v1/marketplace/domains/{host}`,
 * marketplace key), cached 30 s either way; null when none, or when this server has no key for that brand.
 */
export async function resolveDomain(host: string): Promise<Surface | null> {
  const market = webKeys().marketplace;
  if (!market) return null;
  const hit = domains.get(host);
  if (hit && hit.until > Date.now()) return hit.value;
  let value: Surface | null = null;
  try {
    const found = await apiClient(market).get("/v1/marketplace/domains/{host}", { params: { path: { host } } });
    const channel = found.storefront === "exchange" || found.storefront === "clearance" ? found.storefront : null;
    if (channel && webKeys().storefronts[found.brand_id]) value = { kind: "storefront", brandId: found.brand_id, channel };
  } catch (error) {
    if (!(error instanceof RepurchError && error.status === 404)) throw error;
  }
  if (domains.size > 10_000) domains.clear(); // a flood of made-up Host headers cannot grow it without bound
  domains.set(host, { value, until: Date.now() + DOMAIN_TTL_MS });
  return value;
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
    value = await apiClient(key).get("/v1/storefront/profile");
  } catch (error) {
    if (!(error instanceof RepurchError && error.status === 404)) throw error;
    value = null;
  }
  profiles.set(key, { value, until: Date.now() + PROFILE_TTL_MS });
  return value;
}

export { RepurchError };
