import type { MetadataRoute } from "next";
import { currentOrigin, currentSurface } from "@/lib/request";

/** Per host: storefronts and the marketplace are crawlable (search results are not), the dashboard is not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await currentOrigin();
  if ((await currentSurface()).kind === "dashboard") return { rules: { userAgent: "*", disallow: "/" } };
  return { rules: { userAgent: "*", allow: "/", disallow: "/search" }, sitemap: `${origin}/sitemap.xml`, host: origin };
}
