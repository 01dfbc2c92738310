import "server-only";
import { RepurchError, type Repurch, type components } from "@repurch/sdk";
import { notFound } from "next/navigation";

export type Order = components["schemas"]["OrderView"];
export type Dispute = components["schemas"]["DisputeView"];
export type Conversation = components["schemas"]["ConversationView"];
export type Message = components["schemas"]["MessageView"];

/** 404 and 400 (a malformed id) are the not-found page: another account's order looks like no order at all. */
function missing(error: unknown): boolean {
  return error instanceof RepurchError && (error.status === 404 || error.status === 400);
}

/** One of the signed-in buyer's orders, or the not-found page. */
export async function myOrder(api: Repurch, id: string): Promise<Order> {
  try {
    return await api.get("/v1/me/orders/{id}", { params: { path: { id } } });
  } catch (error) {
    if (missing(error)) notFound();
    throw error;
  }
}

/** The dispute on one of my orders, if I opened one (one per order; the API lists mine newest first). */
export async function disputeForOrder(api: Repurch, orderId: string): Promise<Dispute | null> {
  for await (const dispute of api.paginate("/v1/me/disputes", { query: { per_page: 100 } })) {
    if (dispute.order_id === orderId) return dispute;
  }
  return null;
}

/** One of my conversations (the API has no single read; the list is short), or the not-found page. */
export async function myConversation(api: Repurch, id: string): Promise<Conversation> {
  for await (const conversation of api.paginate("/v1/me/conversations", { query: { per_page: 100 } })) {
    if (conversation.id === id) return conversation;
  }
  notFound();
}

/** The latest 100 messages of a conversation, oldest first, or the not-found page. */
export async function conversationMessages(api: Repurch, id: string): Promise<Message[]> {
  try {
    return (await api.get("/v1/me/conversations/{id}/messages", { params: { path: { id }, query: { per_page: 100 } } })).data;
  } catch (error) {
    if (missing(error)) notFound();
    throw error;
  }
}
