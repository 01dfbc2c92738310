import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { myOrder } from "@/lib/buyer";
import { currentSurface } from "@/lib/request";
import { ActionForm } from "@/ui/ActionForm";
import { orderStatus } from "@/ui/buyer";
import { OrderSummary } from "@/ui/OrderSummary";
import { PayPalButtons } from "@/ui/PayPalButtons";
import { captureAction, capturePayPalAction } from "../actions";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

type Props = { params: Promise<{ orderId: string }> };

/** The order summary, then payment: the fake provider's stand-in approval here, or PayPal. */
export default async function Checkout({ params }: Props) {
  const { orderId } = await params;
  const { api } = await requireAccount(await currentSurface(), `/checkout/${encodeURIComponent(orderId)}`);
  const order = await myOrder(api, orderId);
  const orderPage = `/account/orders/${encodeURIComponent(order.id)}`;
  const back = `/product/${order.listing_id}`;
  return (
    <section className="narrow checkout">
      <h1>Checkout</h1>
      <OrderSummary order={order} />
      {order.status !== "pending_payment" ? (
        <p>This order is {orderStatus(order.status).toLowerCase()}. <a href={orderPage}>See your order</a></p>
      ) : order.payment.provider === "paypal" ? (
        <section aria-labelledby="pay-heading">
          <h2 id="pay-heading">Pay with PayPal</h2>
          {process.env.REPURCH_PAYPAL_CLIENT_ID && order.payment.provider_order_id ? (
            <PayPalButtons clientId={process.env.REPURCH_PAYPAL_CLIENT_ID} providerOrderId={order.payment.provider_order_id} orderId={order.id} capture={capturePayPalAction} />
          ) : order.payment.approve_url ? (
            <p><a className="button-link" href={order.payment.approve_url}>Continue to PayPal</a></p>
          ) : (
            <p>PayPal is not available just now. Please try again later.</p>
          )}
          <p><a href={back}>Not now: back to the sofa</a></p>
        </section>
      ) : (
        <section aria-labelledby="pay-heading" className="test-payment">
          <h2 id="pay-heading">Test payment: no money moves</h2>
          <p>This shop is running with a stand-in for the payment provider. Approving takes no money: it only shows how a paid order looks.</p>
          <ActionForm action={captureAction} submit="Approve payment" fields={[]} hidden={{ order_id: order.id }} />
          <p><a href={back}>Not now: back to the sofa</a> (nothing is taken until you approve).</p>
        </section>
      )}
    </section>
  );
}
