import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formatDate, orderStatus } from "@/ui/buyer";
import { formatPrice } from "@/ui/format";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

/** Everything this account bought, newest first (the API's order). */
export default async function Orders() {
  const { api } = await requireAccount(await currentSurface(), "/account/orders");
  const orders = (await api.get("/v1/me/orders", { params: { query: { per_page: 100 } } })).data;
  return (
    <section>
      <h1>Your orders</h1>
      {orders.length === 0 ? <p className="empty">You have not bought anything yet.</p> : (
        <ul className="order-list">
          {orders.map((o) => (
            <li key={o.id}>
              <a href={`/account/orders/${encodeURIComponent(o.id)}`}>{o.listing_title}</a>
              <span>{formatPrice(o.amount_gbp)}</span>
              <span className={`status status-${o.status}`}>{orderStatus(o.status)}</span>
              <span className="muted">Ordered {formatDate(o.created_at)}</span>
            </li>
          ))}
        </ul>
      )}
      <p><a href="/account">Back to your account</a></p>
    </section>
  );
}
