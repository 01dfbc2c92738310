import { notFound } from "next/navigation";
import { listListings } from "@/lib/api";
import { surfaceBrand } from "@/lib/brand";
import { currentSurface } from "@/lib/request";
import { ListingGrid } from "@/ui/ListingGrid";

export default async function Home() {
  const surface = await currentSurface();
  const brand = await surfaceBrand(surface);
  if (!brand.known) notFound();
  const page = await listListings(surface, { sort: "newest", facets: true, per_page: 12 });
  const categories = page.facets?.category ?? [];
  return (
    <>
      {/* The page's one top-level heading, so headings start at h1 for screen readers. */}
      <h1>{brand.name}</h1>
      {brand.description ? <p className="intro">{brand.description}</p> : null}
      {categories.length > 0 ? (
        <nav aria-label="Categories" className="categories">
          <h2>Shop by category</h2>
          <ul>
            {categories.map((c) => (
              <li key={c.value}>
                <a href={`/search?category=${encodeURIComponent(c.value)}`}>
                  {c.value} <span className="count">({c.count})</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="newest">
        <h2 id="newest">Newest sofas</h2>
        <ListingGrid listings={page.data} empty="No sofas listed yet: come back soon." />
        {page.meta.total > page.data.length ? (
          <p>
            <a href="/search">See all {page.meta.total} sofas</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
