import type { Metadata } from "next";
import { requireAccount } from "@/lib/account";
import { conversationMessages, myConversation, type Message } from "@/lib/buyer";
import { currentSurface } from "@/lib/request";
import { ActionForm } from "@/ui/ActionForm";
import { formatDateTime, messageReasons, messageStatusNote } from "@/ui/buyer";
import { replyAction } from "../actions";

export const metadata: Metadata = { title: "Conversation", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

function MessageItem({ message, other }: { message: Message; other: string }) {
  const note = message.from_me ? messageStatusNote(message.status) : null;
  return (
    <li className={message.from_me ? "message mine" : "message theirs"}>
      <p className="message-meta"><strong>{message.from_me ? "You" : other}</strong> <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time></p>
      <p className="message-text">{message.text}</p>
      {note ? (
        <div className={`message-status status-${message.status}`}>
          <p><strong>{note}</strong></p>
          {message.reasons.length > 0 ? <ul>{messageReasons(message.reasons).map((r) => <li key={r}>{r}</li>)}</ul> : null}
        </div>
      ) : null}
    </li>
  );
}

/** One conversation: mine and theirs with times, why a message of mine was not delivered, a reply form. Opening it marks it read. */
export default async function Conversation({ params }: Props) {
  const { id } = await params;
  const { api } = await requireAccount(await currentSurface(), `/account/messages/${encodeURIComponent(id)}`);
  const conversation = await myConversation(api, id);
  const messages = await conversationMessages(api, conversation.id);
  if (conversation.unread_count > 0) await api.post("/v1/me/conversations/{id}/read", { params: { path: { id: conversation.id } } });
  const other = conversation.role === "owner" ? "Buyer" : "Seller";
  return (
    <section className="conversation">
      <h1>{conversation.listing_title ?? "Conversation"}</h1>
      <p><a href={`/product/${conversation.listing_id}`}>See the sofa</a></p>
      <ol className="thread" aria-label="Messages">
        {messages.map((m) => <MessageItem key={m.id} message={m} other={other} />)}
      </ol>
      <h2>Reply</h2>
      <ActionForm action={replyAction} submit="Send" hidden={{ conversation_id: conversation.id }} fields={[
          { name: "text", label: "Your message", type: "textarea", maxLength: 4000, hint: "Keep contact and payment on the platform so your money stays protected." },
        ]} />
      <p><a href="/account/messages">All messages</a></p>
    </section>
  );
}
