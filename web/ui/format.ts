const whole = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2 });

/** £1,299 for whole pounds, £291.20 otherwise. */
export function formatPrice(pounds: number): string {
  return Number.isInteger(pounds) ? whole.format(pounds) : pence.format(pounds);
}

const CONDITIONS: Record<string, { label: string; help: string }> = {
  "like-new": { label: "Like new", help: "Near-perfect condition with virtually no signs of use." },
  excellent: { label: "Excellent", help: "No stains or defects, may show very light signs of minimal use." },
  "gently-used": { label: "Gently used", help: "Clean, minor marks and stains that don't affect function or appearance." },
  fair: { label: "Fair", help: "Functional, noticeable wear or marks." },
};

/** The condition's label and help text (a brand's own value shows as it is). */
export function condition(value: string): { label: string; help: string | null } {
  return CONDITIONS[value] ?? { label: value, help: null };
}

/** "Width", "Depth" … from the API's dimension names. */
export function dimensionLabel(dimension: string): string {
  const text = dimension.replace(/[_-]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The path of a listing's public URL (`/product/<slug>-<id>`), served on whatever host shows it. */
export function listingPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith("/") ? url : `/${url}`;
  }
}
