import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listListings, RepurchError, type Channel, type Facets, type ListingQuery, type Sort } from "@/lib/api";
import { surfaceBrand } from "@/lib/brand";
import { currentSurface } from "@/lib/request";
import { ListingGrid } from "@/ui/ListingGrid";
import { condition } from "@/ui/format";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["category", "condition", "colour", "fabric", "item_type", "channel"] as const;
const FILTER_LABELS: Record<(typeof FILTERS)[number], string> = {
  category: "Category", condition: "Condition", colour: "Colour", fabric: "Fabric", item_type: "Item type", channel: "Channel",
};
const SORTS: [Sort | "", string][] = [["", "Best match"], ["newest", "Newest"], ["price_asc", "Price: low to high"], ["price_desc", "Price: high to low"]];
const CHANNELS: Record<string, string> = { exchange: "Trade-ins", clearance: "Clearance" };
const PER_PAGE = 24;

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function optionLabel(filter: string, value: string): string {
  if (filter === "condition") return condition(value).label;
  if (filter === "channel") return CHANNELS[value] ?? value;
  return value;
}

export default async function Search({ searchParams }: Props) {
  const surface = await currentSurface();
  if (!(await surfaceBrand(surface)).known) notFound();
  const given = await searchParams;
  const values = Object.fromEntries(["q", "min_price", "max_price", "sort", "page", ...FILTERS].map((k) => [k, first(given[k])]));
  const page = Math.max(1, Number.parseInt(values.page, 10) || 1);
  const query: ListingQuery = {
    q: values.q.slice(0, 200), min_price: values.min_price, max_price: values.max_price,
    sort: SORTS.some(([v]) => v && v === values.sort) ? (values.sort as Sort) : undefined,
    category: values.category, condition: values.condition, colour: values.colour, fabric: values.fabric, item_type: values.item_type,
    channel: surface.kind !== "storefront" && values.channel in CHANNELS ? (values.channel as Channel) : undefined,
    facets: true, page, per_page: PER_PAGE,
  };
  let result: Awaited<ReturnType<typeof listListings>> | null = null;
  let problem: string | null = null;
  try {
    result = await listListings(surface, query);
  } catch (error) {
    if (!(error instanceof RepurchError) || error.status !== 400) throw error;
    problem = error.code === "price_range_invalid" || error.data?.param === "max_price" || error.data?.param === "min_price"
      ? "The highest price must be at least the lowest price."
      : `We could not search with that: ${error.message}`;
  }
  const facets: Partial<Facets> = result?.facets ?? {};
  const filters = FILTERS.filter((f) => f !== "channel" || surface.kind !== "storefront");
  const link = (p: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([k, v]) => v && k !== "page"));
    params.set("page", String(p));
    return `/search?${params}`;
  };
  return (
    <div className="search">
      <h1>{values.q ? `Sofas matching “${values.q}”` : "All sofas"}</h1>
      <form action="/search" method="get" className="filters" aria-label="Search and filter">
        <div className="field field-wide">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={values.q} placeholder="e.g. grey velvet corner" />
        </div>
        {filters.map((f) => {
          const options = facets[f] ?? [];
          const current = values[f];
          const known = options.some((o) => o.value === current);
          return (
            <div className="field" key={f}>
              <label htmlFor={f}>{FILTER_LABELS[f]}</label>
              <select id={f} name={f} defaultValue={current}>
                <option value="">Any</option>
                {current && !known ? <option value={current}>{optionLabel(f, current)}</option> : null}
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {optionLabel(f, o.value)} ({o.count})
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="min_price">Lowest price (£)</label>
          <input id="min_price" name="min_price" type="number" min="0" step="1" inputMode="numeric" defaultValue={values.min_price} />
        </div>
        <div className="field">
          <label htmlFor="max_price">Highest price (£)</label>
          <input id="max_price" name="max_price" type="number" min="0" step="1" inputMode="numeric" defaultValue={values.max_price} />
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={values.sort}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit">Show sofas</button>
          <a href="/search">Clear filters</a>
        </div>
      </form>
      {problem ? <p className="problem" role="alert">{problem}</p> : null}
      {result ? (
        <>
          <p className="result-count" role="status">{result.meta.total === 1 ? "1 sofa" : `${result.meta.total} sofas`}</p>
          <ListingGrid listings={result.data} empty="No sofas match. Try fewer filters or another word." />
          {result.meta.total_pages > 1 ? (
            <nav aria-label="Pages" className="pager">
              {page > 1 ? <a href={link(page - 1)} rel="prev">Previous</a> : null}
              <span>Page {page} of {result.meta.total_pages}</span>
              {page < result.meta.total_pages ? <a href={link(page + 1)} rel="next">Next</a> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
