import "server-only";
import { readFileSync } from "node:fs";

/** The keys file (REPURCH_WEB_KEYS): the marketplace key, each brand's live storefront key and the session secret. */
export interface WebKeys {
  marketplace?: string;
  storefronts: Record<string, string>;
  /** Seals the consumers' session cookies (iron-session): at least 32 random characters. */
  sessionSecret?: string;
}

let loaded: WebKeys | undefined;

/** Read once per process; the file is written before the server starts. Its contents are never logged. */
export function webKeys(): WebKeys {
  if (loaded) return loaded;
  const file = process.env.REPURCH_WEB_KEYS;
  if (!file) throw new Error("REPURCH_WEB_KEYS is not set: point it at the web keys file (./run writes .data/web/keys.json)");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<WebKeys> & { session_secret?: string };
  loaded = { marketplace: parsed.marketplace, storefronts: parsed.storefronts ?? {}, sessionSecret: parsed.session_secret };
  return loaded;
}
