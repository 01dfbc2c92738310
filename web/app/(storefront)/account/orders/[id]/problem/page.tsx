import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { myOrder } from "@/lib/buyer";
import { currentSurface } from "@/lib/request";
import { ActionForm } from "@/ui/ActionForm";
import { DISPUTE_REASONS } from "@/ui/buyer";
import { openDisputeAction } from "../../actions";

export const metadata: Metadata = { title: "Report a problem", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The dispute form: possible only while the money is held (paid). */
export default async function ReportProblem({ params }: Props) {
  const { id } = await params;
  const page = `/account/orders/${encodeURIComponent(id)}`;
  const { api } = await requireAccount(await currentSurface(), `${page}/problem`);
  const order = await myOrder(api, id);
  return (
    <section className="narrow">
      <h1>Report a problem</h1>
      <p>With <strong>{order.listing_title}</strong>. The seller is told and must answer within 3 days; your money stays held until it is decided.</p>
      {order.status === "paid" ? (
        <ActionForm action={openDisputeAction} submit="Report the problem" hidden={{ order_id: order.id }} fields={[
            { name: "reason", label: "What went wrong?", type: "select", options: DISPUTE_REASONS },
            { name: "text", label: "Tell us what happened", type: "textarea", maxLength: 4000, hint: "What you expected, what you got, and when. Up to 4,000 characters." },
          ]} />
      ) : (
        <p>You can only report a problem while your money is held: after paying and before the order is completed.</p>
      )}
      <p><a href={page}>Back to your order</a></p>
    </section>
  );
}
