import type { ListingSummary } from "@/lib/api";
import { formatPrice, listingPath } from "./format";
import { photoSources } from "./photos";

// The grid's columns are at least 220 px: one column on a phone, about 224-300 px each from 900 px up.
const CARD_SIZES = "(min-width: 900px) 300px, (min-width: 600px) 50vw, 100vw";

/** `eager` for the first card: likely the largest image in view, so it is fetched first. */
export function ListingCard({ listing, eager = false }: { listing: ListingSummary; eager?: boolean }) {
  const photo = listing.image_url ? photoSources(listing.image_url) : null;
  return (
    <li className="card">
      <a href={listingPath(listing.url)} className="card-link">
        {photo ? (
          <img
            src={photo.src}
            srcSet={photo.srcSet}
            sizes={photo.srcSet ? CARD_SIZES : undefined}
            alt=""
            className="card-image"
            loading={eager ? "eager" : "lazy"}
            fetchPriority={eager ? "high" : undefined}
            width={400}
            height={300}
          />
        ) : (
          <div className="card-image card-image-empty" aria-hidden="true">No photo yet</div>
        )}
        <span className="card-title">{listing.title}</span>
        <span className="card-price">{formatPrice(listing.price)}</span>
        <span className="card-meta">{listing.category}</span>
      </a>
    </li>
  );
}
