import { getProfile, type ListingDetail } from "@/lib/api";
import { currentOrigin, currentSurface } from "@/lib/request";
import { ActionForm } from "@/ui/ActionForm";
import { listingPath } from "@/ui/format";
import { askSellerAction } from "../../account/messages/actions";
import { buyAction } from "../../checkout/actions";

/** The listing on its own brand's storefront, on the port the visitor used (`<channel>.<brand>.localhost`). */
async function storefrontUrl(listing: ListingDetail): Promise<string> {
  const origin = new URL(await currentOrigin());
  const port = origin.port ? `:${origin.port}` : "";
  return `${origin.protocol}//${listing.channel}.${listing.brand_id}.localhost${port}${listingPath(listing.url)}`;
}

/**
 * Buying and asking: on a brand's storefront a "Buy now" form and a question to the seller (both post to
 * server actions, so they work without JavaScript; signed out, they go to sign in first). The marketplace
 * has no accounts, so it sends the buyer to the listing on the brand's own storefront.
 */
export async function BuySection({ listing }: { listing: ListingDetail }) {
  const surface = await currentSurface();
  const path = listingPath(listing.url);
  if (surface.kind !== "storefront") {
    const channel = listing.channel === "exchange" ? "exchange" : "clearance";
    const profile = await getProfile({ kind: "storefront", brandId: listing.brand_id, channel });
    return (
      <section className="buy" aria-label="Buy">
        <a className="button-link" href={await storefrontUrl(listing)}>Buy from {profile?.display_name ?? listing.brand_id}</a>
        <p className="muted">You check out on the brand&apos;s own shop, with your money held safely until delivery.</p>
      </section>
    );
  }
  const hidden = { listing_id: String(listing.id), next: path };
  return (
    <>
      <section className="buy" aria-label="Buy">
        <ActionForm action={buyAction} submit="Buy now" fields={[]} hidden={hidden} />
        <p className="muted">Your money is held safely until you confirm delivery.</p>
      </section>
      <section className="ask" aria-labelledby="ask-heading">
        <h2 id="ask-heading">Ask the seller a question</h2>
        <ActionForm action={askSellerAction} submit="Send question" hidden={hidden} fields={[
            { name: "text", label: "Your question", type: "textarea", maxLength: 4000, hint: "Keep contact and payment on the platform so your money stays protected." },
          ]} />
      </section>
    </>
  );
}
