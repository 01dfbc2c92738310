"use server";
import { redirect } from "next/navigation";
import { requireAccount, safeReturnPath } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formProblem, type FormState } from "@/ui/problems";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** "Ask the seller a question" on a listing: opens (or adds to) the conversation, then shows it. */
export async function askSellerAction(_: FormState, form: FormData): Promise<FormState> {
  const { api } = await requireAccount(await currentSurface(), safeReturnPath(form.get("next"), "/"));
  let id: string;
  try {
    const opened = await api.post("/v1/me/conversations", { body: { listing_id: Number(text(form, "listing_id")), text: text(form, "text") } });
    id = opened.conversation.id;
  } catch (error) {
    return formProblem(error, "We could not send your question.");
  }
  redirect(`/account/messages/${encodeURIComponent(id)}`);
}

/** A reply in a conversation; the thread shows it with its screening status. */
export async function replyAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "conversation_id");
  const page = `/account/messages/${encodeURIComponent(id)}`;
  const { api } = await requireAccount(await currentSurface(), page);
  try {
    await api.post("/v1/me/conversations/{id}/messages", { params: { path: { id } }, body: { text: text(form, "text") } });
  } catch (error) {
    return formProblem(error, "We could not send your message.");
  }
  redirect(page);
}
