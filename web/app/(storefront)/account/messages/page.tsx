import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formatDateTime } from "@/ui/buyer";

export const metadata: Metadata = { title: "Messages", robots: { index: false } };

/** The inbox: conversations as buyer and as seller, latest activity first (the API's order). */
export default async function Messages() {
  const { api } = await requireAccount(await currentSurface(), "/account/messages");
  const conversations = (await api.get("/v1/me/conversations", { params: { query: { per_page: 100 } } })).data;
  return (
    <section>
      <h1>Messages</h1>
      {conversations.length === 0 ? <p className="empty">No messages yet. Ask a seller a question from any sofa&apos;s page.</p> : (
        <ul className="inbox">
          {conversations.map((c) => (
            <li key={c.id}>
              <a href={`/account/messages/${encodeURIComponent(c.id)}`}>{c.listing_title ?? "A sofa no longer listed"}</a>
              <span className="muted">{c.role === "owner" ? "A buyer's question" : "You asked the seller"} · last message {formatDateTime(c.last_message_at)}</span>
              {c.unread_count > 0 ? <span className="unread">{c.unread_count} unread</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p><a href="/account">Back to your account</a></p>
    </section>
  );
}
