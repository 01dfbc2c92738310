import type { ListingSummary } from "@/lib/api";
import { formatPrice, listingPath } from "./format";

export function ListingCard({ listing }: { listing: ListingSummary }) {
  return (
    <li className="card">
      <a href={listingPath(listing.url)} className="card-link">
        {listing.image_url ? (
          <img src={listing.image_url} alt="" className="card-image" loading="lazy" width={400} height={300} />
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
