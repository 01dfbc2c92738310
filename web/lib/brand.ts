import "server-only";
import { getProfile, keyFor, type StorefrontProfile } from "./api";
import type { Surface } from "./surface";

/** What the header, footer and metadata show for a surface. */
export interface SurfaceBrand {
  /** False for a storefront host whose brand has no key here: its pages are 404. */
  known: boolean;
  /** The surface's name: the brand's with its channel ("Acme Trade-in") on a storefront. */
  name: string;
  /** The brand's own name, without the channel (what its credit is spent with). */
  brandName: string;
  tagline: string | null;
  description: string | null;
  logoUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  theme: StorefrontProfile["theme"] | null;
}

const CHANNEL_NAMES = { exchange: "Trade-in", clearance: "Clearance" } as const;

export async function surfaceBrand(surface: Surface): Promise<SurfaceBrand> {
  const known = surface.kind !== "dashboard" && keyFor(surface) !== undefined;
  const profile = known ? await getProfile(surface) : null;
  const fallback = surface.kind === "storefront" ? surface.brandId : "Sofalistic";
  const base = profile?.display_name ?? fallback;
  return {
    known,
    brandName: base,
    name: surface.kind === "storefront" ? `${base} ${CHANNEL_NAMES[surface.channel]}` : base,
    tagline: profile?.tagline ?? (surface.kind === "marketplace" ? "Pre-loved and clearance sofas from brands you know" : null),
    description: profile?.description ?? null,
    logoUrl: profile?.logo_url ?? null,
    supportEmail: profile?.support_email ?? null,
    supportPhone: profile?.support_phone ?? null,
    theme: profile?.theme ?? null,
  };
}
