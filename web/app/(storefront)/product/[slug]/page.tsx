import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { listingForSlug } from "@/lib/listing-page";
import { currentOrigin } from "@/lib/request";
import { condition, dimensionLabel, formatPrice, listingPath } from "@/ui/format";
import { JsonLd } from "@/ui/JsonLd";
import { photoSources } from "@/ui/photos";
import { productJsonLd } from "@/ui/productJsonLd";
import { BuySection } from "./BuySection";

// The gallery is the page's width on a phone, three fifths of the 1200 px column from 900 px up.
const GALLERY_SIZES = "(min-width: 1232px) 700px, (min-width: 900px) 58vw, 100vw";

type Props = { params: Promise<{ slug: string }> };

function summary(listing: NonNullable<Awaited<ReturnType<typeof listingForSlug>>>): string {
  const text = listing.description?.replace(/\s+/g, " ").trim();
  if (text) return text.length > 155 ? `${text.slice(0, 152)}…` : text;
  return `${listing.title}: ${formatPrice(listing.price)}, ${condition(listing.condition).label.toLowerCase()}, ${listing.category}.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await listingForSlug((await params).slug);
  if (!listing) return { title: "Page not found", robots: { index: false } };
  const canonical = `${await currentOrigin()}${listingPath(listing.url)}`;
  const description = summary(listing);
  return {
    title: listing.title,
    description,
    alternates: { canonical },
    openGraph: { type: "website", title: listing.title, description, url: canonical, images: listing.images.slice(0, 4), locale: "en_GB" },
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const listing = await listingForSlug(slug);
  if (!listing) notFound();
  const path = listingPath(listing.url);
  // An old or mistyped slug with the right id: send it to the one URL search engines should know.
  if (path !== `/product/${slug}`) permanentRedirect(path);
  const canonical = `${await currentOrigin()}${path}`;
  const cond = condition(listing.condition);
  const images = listing.images.length > 0 ? listing.images : listing.image_url ? [listing.image_url] : [];
  // "None" is how a seller says there is nothing to declare.
  const faults = listing.faults.filter((f) => f !== "None");
  const exposures = listing.exposed_to.filter((e) => e !== "None");
  const wasPrice = listing.rrp && listing.rrp > listing.price ? listing.rrp : null;
  return (
    <article className="product">
      <JsonLd data={productJsonLd(listing, canonical)} />
      <div className="gallery" aria-label="Photos">
        {images.length === 0 ? <div className="gallery-empty">No photos yet</div> : null}
        {images.map((url, i) => {
          const photo = photoSources(url);
          return (
            <img
              key={url}
              src={photo.src}
              srcSet={photo.srcSet}
              sizes={photo.srcSet ? GALLERY_SIZES : undefined}
              alt={i === 0 ? listing.title : `${listing.title}, photo ${i + 1}`}
              loading={i === 0 ? "eager" : "lazy"}
              fetchPriority={i === 0 ? "high" : undefined}
              width={1024}
              height={768}
            />
          );
        })}
      </div>
      <div className="details">
        <h1>{listing.title}</h1>
        <p className="price">
          <span data-testid="price">{formatPrice(listing.price)}</span>
          {wasPrice ? (
            <>
              {" "}
              <del aria-label={`RRP ${formatPrice(wasPrice)}`}>RRP {formatPrice(wasPrice)}</del>
            </>
          ) : null}
        </p>
        <dl className="facts">
          <dt>Condition</dt>
          <dd>
            {cond.label}
            {cond.help ? <span className="help"> — {cond.help}</span> : null}
          </dd>
          <dt>Category</dt>
          <dd>{listing.category}</dd>
          {listing.brand ? (<><dt>Brand</dt><dd>{listing.brand}</dd></>) : null}
          {listing.colour ? (<><dt>Colour</dt><dd>{listing.colour}</dd></>) : null}
          {listing.fabric ? (<><dt>Fabric</dt><dd>{listing.fabric}</dd></>) : null}
          {listing.age_years ? (<><dt>Age</dt><dd>{listing.age_years}</dd></>) : null}
          <dt>Faults</dt>
          <dd>{faults.length > 0 ? faults.join(", ") : "None declared"}</dd>
          {exposures.length > 0 ? (<><dt>Lived with</dt><dd>{exposures.join(", ")}</dd></>) : null}
          <dt>Delivery</dt>
          <dd>{listing.delivery_contribution_gbp > 0 ? `${formatPrice(listing.delivery_contribution_gbp)} contribution` : "Free delivery"}</dd>
          {listing.seller.display_name ? (<><dt>Sold by</dt><dd>{listing.seller.display_name}</dd></>) : null}
        </dl>
        <BuySection listing={listing} />
        {listing.measurements.length > 0 ? (
          <section aria-labelledby="measurements">
            <h2 id="measurements">Measurements</h2>
            <dl className="facts">
              {listing.measurements.map((m) => (
                <div key={m.dimension} className="fact">
                  <dt>{dimensionLabel(m.dimension)}</dt>
                  <dd>{m.value_cm} cm</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        {listing.description ? (
          <section aria-labelledby="description">
            <h2 id="description">Description</h2>
            <p className="description">{listing.description}</p>
          </section>
        ) : null}
      </div>
    </article>
  );
}
