import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { surfaceBrand } from "@/lib/brand";
import { currentSurface } from "@/lib/request";
import { myCredits } from "@/lib/selling";
import { CopyCodeButton } from "@/ui/CopyCodeButton";
import { formatPrice } from "@/ui/format";
import { creditStatusText, formatDate } from "@/ui/sellerWords";

export const metadata: Metadata = { title: "Your credit", robots: { index: false } };

/** The credit codes the consumer's sales earned, in full, with where to spend them. */
export default async function YourCredit() {
  const surface = await currentSurface();
  const { api } = await requireAccount(surface, "/account/credit");
  const [credits, brand] = await Promise.all([myCredits(api), surfaceBrand(surface)]);
  return (
    <section>
      <h1>Your credit</h1>
      {credits.length === 0 ? (
        <p className="empty">
          No credit yet. When one of your trade-ins sells, your code appears here the moment the buyer confirms they have received their sofa.
          {" "}<a href="/account/listings">See your trade-ins</a>.
        </p>
      ) : (
        <ul className="credits">
          {credits.map((c) => (
            <li key={c.id} className={`credit credit-${c.status}`}>
              <p className="credit-amount">{formatPrice(c.amount_gbp)}</p>
              <p className="credit-code"><span className="visually-hidden">Code: </span><code>{c.code}</code></p>
              {c.status === "active" ? <CopyCodeButton code={c.code} /> : null}
              <dl className="facts">
                <div className="fact"><dt>Status</dt><dd>{creditStatusText(c.status)}</dd></div>
                <div className="fact"><dt>Issued</dt><dd>{formatDate(c.issued_at)}</dd></div>
                <div className="fact"><dt>{c.status === "expired" ? "Expired" : "Expires"}</dt><dd>{formatDate(c.expires_at)}</dd></div>
                {c.redeemed_at ? <div className="fact"><dt>Spent</dt><dd>{formatDate(c.redeemed_at)}</dd></div> : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <h2>Where to use it</h2>
      <p>Spend your credit with {brand.brandName}: enter the code at checkout, or give it to the team when you order.</p>
      {brand.supportEmail || brand.supportPhone ? (
        <p>
          Questions about your credit? Contact {brand.brandName}
          {brand.supportEmail ? <> by email at <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a></> : null}
          {brand.supportEmail && brand.supportPhone ? " or" : null}
          {brand.supportPhone ? <> by phone on <a href={`tel:${brand.supportPhone.replace(/\s+/g, "")}`}>{brand.supportPhone}</a></> : null}.
        </p>
      ) : null}
    </section>
  );
}
