import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { disputeForOrder, myOrder, type Dispute, type Order } from "@/lib/buyer";
import { currentSurface } from "@/lib/request";
import { ActionForm } from "@/ui/ActionForm";
import { DISPUTE_OUTCOME, DISPUTE_STATUS, disputeReason, formatDate, formatDateTime, orderStatus } from "@/ui/buyer";
import { formatPrice } from "@/ui/format";
import { OrderSummary } from "@/ui/OrderSummary";
import { confirmReceiptAction } from "../actions";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The order's steps so far, in plain English. */
function timeline(order: Order, dispute: Dispute | null): { key: string; title: string; text: string }[] {
  const steps = [{ key: "placed", title: "Placed", text: `You placed this order on ${formatDateTime(order.created_at)}.` }];
  if (order.paid_at) {
    const held = order.status === "paid" && order.release_due_at
      ? ` Your money is held safely until you confirm delivery or ${formatDate(order.release_due_at)}, whichever comes first.`
      : "";
    steps.push({ key: "paid", title: "Paid", text: `You paid on ${formatDateTime(order.paid_at)}.${held}` });
  }
  if (dispute) steps.push({ key: "disputed", title: "Disputed", text: `You reported a problem on ${formatDateTime(dispute.created_at)}. The money stays held until it is decided.` });
  if (order.completed_at) steps.push({ key: "completed", title: "Completed", text: `Completed on ${formatDateTime(order.completed_at)}: the money was released to the seller.` });
  if (order.refunded_at) steps.push({ key: "refunded", title: "Refunded", text: `${formatPrice(order.refunded_gbp)} was refunded to you on ${formatDateTime(order.refunded_at)}.` });
  if (order.cancelled_at) steps.push({ key: "cancelled", title: "Cancelled", text: `This order was cancelled on ${formatDateTime(order.cancelled_at)}. Nothing was taken.` });
  return steps;
}

function DisputePanel({ dispute }: { dispute: Dispute }) {
  const status = DISPUTE_STATUS[dispute.status] ?? { label: dispute.status, next: "" };
  return (
    <section aria-labelledby="dispute-heading" className="dispute">
      <h2 id="dispute-heading">The problem you reported</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="dispute-status">{status.label}</dd>
        <dt>Reason</dt>
        <dd>{disputeReason(dispute.reason)}</dd>
        {dispute.text ? (<><dt>What you told us</dt><dd className="description">{dispute.text}</dd></>) : null}
        {dispute.status !== "resolved" ? (
          <>
            <dt>Seller answers by</dt>
            <dd>{formatDateTime(dispute.seller_response_due_at)}{dispute.escalated ? " (missed: the shop's team is reviewing it)" : ""}</dd>
            <dt>Decision by</dt>
            <dd>{formatDateTime(dispute.decision_due_at)}</dd>
          </>
        ) : null}
        {dispute.outcome ? (<><dt>Outcome</dt><dd>{DISPUTE_OUTCOME[dispute.outcome] ?? dispute.outcome}</dd></>) : null}
      </dl>
      <p><strong>What happens next:</strong> {status.next} Your money stays held until then.</p>
      {dispute.text_status === "held" ? (
        <p className="notice" role="status">Your description is waiting for a check before the seller can see it: it looks like it contains contact details or a link, which we check to keep contact and payment on the platform. The shop&apos;s team still sees it.</p>
      ) : dispute.text_status === "blocked" ? (
        <p className="notice" role="status">Your description was not passed to the seller: it contains something our safety checks do not allow (such as a request to pay outside the platform or for bank or card details). The shop&apos;s team still sees it.</p>
      ) : null}
    </section>
  );
}

export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  const page = `/account/orders/${encodeURIComponent(id)}`;
  const { api } = await requireAccount(await currentSurface(), page);
  const order = await myOrder(api, id);
  const dispute = await disputeForOrder(api, order.id);
  return (
    <section className="order">
      <h1>{order.listing_title}</h1>
      <p className="order-status">Status: <strong data-testid="order-status">{orderStatus(order.status)}</strong></p>
      <ol className="timeline" aria-label="What has happened">
        {timeline(order, dispute).map((s) => (
          <li key={s.key}><strong>{s.title}</strong> <span>{s.text}</span></li>
        ))}
      </ol>
      {order.status === "pending_payment" ? <p><a className="button-link" href={`/checkout/${encodeURIComponent(order.id)}`}>Pay now</a></p> : null}
      {order.status === "paid" ? (
        <section aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">Has it arrived?</h2>
          <p>Confirm once you have it and are happy: the seller is then paid.</p>
          <ActionForm action={confirmReceiptAction} submit="Confirm I received it" fields={[]} hidden={{ order_id: order.id }} />
          <p><a href={`${page}/problem`}>Report a problem</a></p>
        </section>
      ) : null}
      {dispute ? <DisputePanel dispute={dispute} /> : null}
      <h2>Summary</h2>
      <OrderSummary order={order} />
      <p><a href="/account/orders">All your orders</a></p>
    </section>
  );
}
