import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { resolveDomain } from "./api";
import { hostName, isCustomHost, requestHost, surfaceForHost, type Surface } from "./surface";

/**
 * The surface the request's host name selects: ours by name (sofalistic., exchange.<brand>.,
 * clearance.<brand>., dashboard. under .localhost), else a brand's verified custom domain, else the marketplace.
 * Once per request.
 */
export const currentSurface = cache(async (): Promise<Surface> => {
  const host = requestHost(await headers());
  const surface = surfaceForHost(host);
  if (surface.kind !== "marketplace" || !isCustomHost(host)) return surface;
  return (await resolveDomain(hostName(host))) ?? surface;
});

/** The origin the visitor used (for canonical URLs, the sitemap and robots.txt). */
export async function currentOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${requestHost(h) ?? "sofalistic.localhost"}`;
}
