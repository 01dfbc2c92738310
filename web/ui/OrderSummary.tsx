import { formatPrice } from "./format";

interface SummaryOrder {
  listing_title: string;
  quantity: number;
  unit_price_gbp: number;
  amount_gbp: number;
  delivery_contribution_gbp: number;
}

/** What the buyer pays: the item, its price, delivery and the total. The delivery contribution is the seller's, so it is included. */
export function OrderSummary({ order }: { order: SummaryOrder }) {
  return (
    <dl className="facts order-summary">
      <dt>Item</dt>
      <dd>{order.listing_title}{order.quantity > 1 ? ` × ${order.quantity}` : ""}</dd>
      <dt>Price</dt>
      <dd>{formatPrice(order.unit_price_gbp)}{order.quantity > 1 ? " each" : ""}</dd>
      <dt>Delivery</dt>
      <dd>{order.delivery_contribution_gbp > 0 ? `Included (the seller contributes ${formatPrice(order.delivery_contribution_gbp)})` : "Free"}</dd>
      <dt>Total</dt>
      <dd data-testid="total"><strong>{formatPrice(order.amount_gbp)}</strong></dd>
    </dl>
  );
}
