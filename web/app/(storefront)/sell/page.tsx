import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { DELIVERY_CONTRIBUTIONS, listingOptions } from "@/lib/selling";
import { SellForm } from "@/ui/SellForm";
import { createTradeInAction } from "./actions";

export const metadata: Metadata = { title: "Trade in your sofa", robots: { index: false } };

/** A signed-in consumer lists their sofa; they are paid in the brand's credit when it sells. */
export default async function Sell() {
  const { api } = await requireAccount(await currentSurface(), "/sell");
  const options = await listingOptions(api);
  return (
    <section className="sell">
      <h1>Trade in your sofa</h1>
      <p>Add photos and a few details. A clean listing goes live straight away; when your sofa sells and the buyer confirms it arrived, you get credit to spend here.</p>
      <SellForm action={createTradeInAction} options={options} deliveryContributions={DELIVERY_CONTRIBUTIONS} />
    </section>
  );
}
