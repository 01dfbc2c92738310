"use client";
import { useEffect, useState } from "react";
import { formatPrice } from "./format";

interface Estimate {
  price_gbp: number;
  commission_rate: number;
  commission_gbp: number;
  vat_gbp: number;
  delivery_contribution_gbp: number;
  payout_gbp: number;
}

/** What the seller would receive in credit at the price they are typing (asked of /api/payout-estimate, debounced). */
export function PayoutEstimate({ price, delivery }: { price: string; delivery: string }) {
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [failed, setFailed] = useState(false);
  const wanted = /^\d+$/.test(price.trim()) && Number(price) > 0;

  useEffect(() => {
    if (!wanted) return;
    const abort = new AbortController();
    // Ask once the seller pauses typing, not on every key.
    const timer = setTimeout(async () => {
      try {
        const query = new URLSearchParams({ price_gbp: price.trim(), delivery_contribution_gbp: delivery });
        const response = await fetch(`/api/payout-estimate?${query}`, { signal: abort.signal });
        if (!response.ok) throw new Error(String(response.status));
        setEstimate(await response.json());
        setFailed(false);
      } catch (error) {
        if (!abort.signal.aborted) setFailed(true);
      }
    }, 300);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [price, delivery, wanted]);

  const shown = wanted && estimate && !failed ? estimate : null;
  return (
    <section className="payout-estimate" aria-labelledby="payout-heading">
      <h2 id="payout-heading">Your payout</h2>
      <div aria-live="polite">
        {shown ? (
          <>
            <p className="payout-total">You&rsquo;d receive {formatPrice(shown.payout_gbp)} in credit</p>
            <dl className="facts">
              <div className="fact"><dt>Price</dt><dd>{formatPrice(shown.price_gbp)}</dd></div>
              <div className="fact"><dt>Commission ({Math.round(shown.commission_rate * 100)}%)</dt><dd>−{formatPrice(shown.commission_gbp)}</dd></div>
              <div className="fact"><dt>VAT on commission</dt><dd>−{formatPrice(shown.vat_gbp)}</dd></div>
              <div className="fact"><dt>Delivery contribution</dt><dd>−{formatPrice(shown.delivery_contribution_gbp)}</dd></div>
            </dl>
          </>
        ) : (
          <p className="muted">{failed && wanted ? "We could not work out your payout just now. It is shown on your trade-in once listed." : "Enter a price in whole pounds to see what you\u2019d receive in credit."}</p>
        )}
      </div>
    </section>
  );
}
