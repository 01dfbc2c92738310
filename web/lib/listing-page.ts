import "server-only";
import { cache } from "react";
import { getListing } from "./api";
import { currentSurface } from "./request";
import { idFromSlug } from "./slug";

/** One fetch per request for the page and its metadata. */
export const listingForSlug = cache(async (slug: string) => {
  const id = idFromSlug(slug);
  return id ? getListing(await currentSurface(), id) : null;
});
