import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { myListings } from "@/lib/selling";
import { formatPrice } from "@/ui/format";
import { listingStatusText } from "@/ui/sellerWords";

export const metadata: Metadata = { title: "Your trade-ins", robots: { index: false } };

/** The consumer's own trade-ins in every status, newest first. */
export default async function YourTradeIns() {
  const { api } = await requireAccount(await currentSurface(), "/account/listings");
  const listings = await myListings(api);
  return (
    <section>
      <h1>Your trade-ins</h1>
      {listings.length === 0 ? (
        <p className="empty">You have not listed anything yet. <a href="/sell">Trade in your sofa</a>.</p>
      ) : (
        <>
          <p><a href="/sell">Trade in another sofa</a></p>
          <ul className="trade-ins">
            {listings.map((l) => (
              <li key={l.id} className="trade-in">
                {l.image_url ? <img src={l.image_url} alt="" width={120} height={90} /> : <span className="trade-in-nophoto" aria-hidden="true">No photo</span>}
                <a href={`/account/listings/${l.id}`} className="trade-in-title">{l.title}</a>
                <span>{formatPrice(l.price)}</span>
                <span className={`status status-${l.status}`}>{listingStatusText(l.status)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
