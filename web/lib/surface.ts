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
  const name = (host ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  if (name === "dashboard.localhost") return { kind: "dashboard" };
  const match = STOREFRONT_HOST.exec(name);
  if (match) return { kind: "storefront", channel: match[1] as "exchange" | "clearance", brandId: match[2] };
  return { kind: "marketplace" };
}
