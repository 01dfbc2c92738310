import "server-only";
import { readFileSync } from "node:fs";

/** The keys file (REPURCH_WEB_KEYS): the marketplace key and each brand's live storefront key. */
export interface WebKeys {
  marketplace?: string;
  storefronts: Record<string, string>;
}

let loaded: WebKeys | undefined;

/** Read once per process; the file is written before the server starts. Its contents are never logged. */
export function webKeys(): WebKeys {
  if (loaded) return loaded;
  const file = process.env.REPURCH_WEB_KEYS;
  if (!file) throw new Error("REPURCH_WEB_KEYS is not set: point it at the web keys file (./run writes .data/web/keys.json)");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<WebKeys>;
  loaded = { marketplace: parsed.marketplace, storefronts: parsed.storefronts ?? {} };
  return loaded;
}
