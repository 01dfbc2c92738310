/** `/product/<slug>-<id>` → the id (a bare id works too); anything else is not a listing path. */
export function idFromSlug(slug: string): number | null {
  const digits = /(?:^|-)(\d{1,15})$/.exec(slug)?.[1];
  return digits ? Number(digits) : null;
}
