import "server-only";
import { cache } from "react";
import { getListing } from "./api";
import { currentSurface } from "./request";

/** `/product/<slug>-<id>` → the id; anything else is not a listing path. */
export function idFromSlug(slug: string): number | null {
  const digits = /(?:^|-)(\d{1,15})$/.exec(slug)?.[1];
  return digits ? Number(digits) : null;
}

/** One fetch per request for the page and its metadata. */
export const listingForSlug = cache(async (slug: string) => {
  const id = idFromSlug(slug);
  return id ? getListing(await currentSurface(), id) : null;
});
