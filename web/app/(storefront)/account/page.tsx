import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

/** The signed-in consumer's hub: what they bought, what they are selling, their credit and messages. */
export default async function Account() {
  const { session } = await requireAccount(await currentSurface(), "/account");
  return (
    <section>
      <h1>Hello, {session.displayName}</h1>
      <p className="muted">Signed in as {session.email}</p>
      <ul className="account-links">
        <li><a href="/account/orders">Your orders</a><span>Track deliveries, confirm receipt or report a problem.</span></li>
        <li><a href="/account/messages">Messages</a><span>Questions to and from sellers.</span></li>
        <li><a href="/sell">Trade in your sofa</a><span>Photos, details and an instant payout estimate.</span></li>
        <li><a href="/account/listings">Your trade-ins</a><span>What you are selling and its status.</span></li>
        <li><a href="/account/credit">Your credit</a><span>Credit codes from your sales, ready to spend.</span></li>
      </ul>
    </section>
  );
}
