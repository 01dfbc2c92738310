/** What a host name shows: the Sofalistic marketplace, one brand's storefront for one channel, or the dashboard. */
export type Surface =
  | { kind: "marketplace" }
  | { kind: "storefront"; brandId: string; channel: "exchange" | "clearance" }
  | { kind: "dashboard" };

const STOREFRONT_HOST = /^(exchange|clearance)\.([a-z0-9][a-z0-9-]{0,62})\.localhost$/;

/**
 * exchange.<brand>.localhost and clearance.<brand>.localhost are that brand's storefronts,
 * dashboard.localhost the partner dashboard; sofalistic.localhost and any host we do not know
 * are the marketplace, so a stray host name still shows something useful.
 */
export function surfaceForHost(host: string | null | undefined): Surface {
  const name = hostName(host);
  if (name === "dashboard.localhost") return { kind: "dashboard" };
  const match = STOREFRONT_HOST.exec(name);
  if (match) return { kind: "storefront", channel: match[1] as "exchange" | "clearance", brandId: match[2] };
  return { kind: "marketplace" };
}

/** The Host header's name: lower case, without the port or a trailing dot. */
export function hostName(host: string | null | undefined): string {
  return (host ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

/**
 * A host a brand may have mapped to a storefront in its settings (shop.example.co.uk): not one of
 * ours under .localhost, and not a bare address, so only real names are looked up.
 */
export function isCustomHost(host: string | null | undefined): boolean {
  const name = hostName(host);
  if (!name.includes(".") || name === "localhost" || name.endsWith(".localhost")) return false;
  return !/^[\d.]+$/.test(name) && !name.startsWith("[");
}

/**
 * The host the visitor asked for. Next's server sets x-forwarded-host to the Host header when it is
 * absent and keeps it on the internal request it makes to render a server action's redirect (whose
 * own Host is the listening address), so it is read first; a proxy in front sets it too.
 */
export function requestHost(headers: { get(name: string): string | null }): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}
