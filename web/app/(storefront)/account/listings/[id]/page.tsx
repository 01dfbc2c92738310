import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { myListing } from "@/lib/selling";
import { condition, dimensionLabel, formatPrice, listingPath } from "@/ui/format";
import { listingStatusText, reviewReasonText } from "@/ui/sellerWords";

export const metadata: Metadata = { title: "Your trade-in", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** One of the consumer's trade-ins: whether it is live (and where), or waiting for the brand's check and why. */
export default async function YourTradeIn({ params }: Props) {
  const { id } = await params;
  const { api } = await requireAccount(await currentSurface(), `/account/listings/${encodeURIComponent(id)}`);
  // Another account's trade-in reads as not found, as an unknown id does.
  const listing = /^\d{1,15}$/.test(id) ? await myListing(api, Number(id)) : null;
  if (!listing) notFound();
  const images = listing.images.length > 0 ? listing.images : listing.image_url ? [listing.image_url] : [];
  return (
    <section className="trade-in-detail">
      <p><a href="/account/listings">Your trade-ins</a></p>
      <h1>{listing.title}</h1>
      {listing.status === "active" ? (
        <div className="notice notice-live">
          <p><strong>Your sofa is live.</strong> Buyers can find it and buy it now.</p>
          <p><a href={listingPath(listing.url)}>See it in the shop</a></p>
        </div>
      ) : listing.status === "pending_review" ? (
        <div className="notice">
          <p><strong>Your sofa is waiting for a quick check</strong> before it goes on sale, because:</p>
          <ul className="review-reasons">{listing.review_reasons.map((r) => <li key={r}>{reviewReasonText(r)}</li>)}</ul>
          <p>The shop&rsquo;s team will look at it soon. Buyers cannot see it until then.</p>
        </div>
      ) : (
        <p className="notice"><strong>{listingStatusText(listing.status)}</strong></p>
      )}
      {images.length > 0 ? (
        <ol className="trade-in-photos">
          {images.map((src, i) => <li key={src}><img src={src} alt={i === 0 ? `Cover photo of ${listing.title}` : `Photo ${i + 1} of ${listing.title}`} width={200} height={150} /></li>)}
        </ol>
      ) : null}
      <dl className="facts">
        <div className="fact"><dt>Status</dt><dd>{listingStatusText(listing.status)}</dd></div>
        <div className="fact"><dt>Price</dt><dd>{formatPrice(listing.price)}</dd></div>
        <div className="fact"><dt>Delivery contribution</dt><dd>{formatPrice(listing.delivery_contribution_gbp)}</dd></div>
        <div className="fact"><dt>You&rsquo;ll receive</dt><dd>{formatPrice(listing.payout)} in credit when it sells</dd></div>
        <div className="fact"><dt>Category</dt><dd>{listing.category}</dd></div>
        {listing.item_type ? <div className="fact"><dt>Item type</dt><dd>{listing.item_type}</dd></div> : null}
        <div className="fact"><dt>Condition</dt><dd>{condition(listing.condition).label}</dd></div>
        {listing.colour ? <div className="fact"><dt>Colour</dt><dd>{listing.colour}</dd></div> : null}
        {listing.fabric ? <div className="fact"><dt>Fabric</dt><dd>{listing.fabric}</dd></div> : null}
        {listing.brand ? <div className="fact"><dt>Brand</dt><dd>{listing.brand}</dd></div> : null}
        {listing.age_years ? <div className="fact"><dt>Age</dt><dd>{listing.age_years}</dd></div> : null}
        {listing.measurements.map((m) => <div key={m.dimension} className="fact"><dt>{dimensionLabel(m.dimension)}</dt><dd>{m.value_cm} cm</dd></div>)}
        <div className="fact"><dt>Faults</dt><dd>{listing.faults.join(", ") || "None"}</dd></div>
        {listing.exposed_to.length > 0 ? <div className="fact"><dt>Lived with</dt><dd>{listing.exposed_to.join(", ")}</dd></div> : null}
      </dl>
      {listing.description ? <p className="description">{listing.description}</p> : null}
    </section>
  );
}
