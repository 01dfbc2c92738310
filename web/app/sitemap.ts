import type { MetadataRoute } from "next";
import { keyFor, listListings } from "@/lib/api";
import { currentOrigin, currentSurface } from "@/lib/request";
import { listingPath } from "@/ui/format";

/** At most this many listings (a sitemap file holds 50,000 URLs; a sitemap index is a later step). */
const MAX_PAGES = 100;

/** Per host: the home page and every listing the host shows, at its own origin. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const surface = await currentSurface();
  const origin = await currentOrigin();
  if (surface.kind === "dashboard" || !keyFor(surface)) return [];
  const entries: MetadataRoute.Sitemap = [{ url: `${origin}/`, changeFrequency: "daily" }];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await listListings(surface, { sort: "newest", page, per_page: 100 });
    for (const l of result.data) entries.push({ url: `${origin}${listingPath(l.url)}`, lastModified: l.created_at });
    if (page >= result.meta.total_pages) break;
  }
  return entries;
}
