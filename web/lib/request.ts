import "server-only";
import { headers } from "next/headers";
import { surfaceForHost, type Surface } from "./surface";

/** The surface the request's host name selects. */
export async function currentSurface(): Promise<Surface> {
  return surfaceForHost((await headers()).get("host"));
}

/** The origin the visitor used (for canonical URLs, the sitemap and robots.txt). */
export async function currentOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${h.get("host") ?? "sofalistic.localhost"}`;
}
