"use server";
import { RepurchError } from "@repurch/sdk";
import { redirect } from "next/navigation";
import { requireAccount, safeReturnPath } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formProblem, type FormState } from "@/ui/problems";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A declined or failed capture in words a buyer can act on (nothing was taken either way). */
function paymentProblem(error: unknown): FormState {
  if (error instanceof RepurchError && error.code === "payment_declined") {
    const why = /declined: (.+?)\.?$/.exec(error.message)?.[1];
    const detail = why === "INSTRUMENT_DECLINED" ? "your card or account was refused" : why ?? "no reason was given";
    return { error: `Your payment was declined: ${detail}. Nothing was taken. Try again, or pay another way.` };
  }
  if (error instanceof RepurchError && error.code === "payment_provider_unavailable") {
    return { error: "The payment provider is not answering just now. Nothing was taken. Try again in a moment." };
  }
  return formProblem(error, "We could not take your payment.");
}

/** "Buy now": signed out goes to sign in (and back to the listing); else the order is placed and checkout opens. */
export async function buyAction(_: FormState, form: FormData): Promise<FormState> {
  const back = safeReturnPath(form.get("next"), "/");
  const { api } = await requireAccount(await currentSurface(), back);
  let orderId: string;
  try {
    orderId = (await api.post("/v1/me/orders", { body: { listing_id: Number(text(form, "listing_id")) } })).id;
  } catch (error) {
    if (error instanceof RepurchError && error.code === "payment_provider_unavailable") return paymentProblem(error);
    return formProblem(error, "We could not start your order.");
  }
  redirect(`/checkout/${encodeURIComponent(orderId)}`);
}

/** "Approve payment" on the test stand-in: captures into escrow, then the order page. */
export async function captureAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "order_id");
  const { api } = await requireAccount(await currentSurface(), `/checkout/${encodeURIComponent(id)}`);
  try {
    await api.post("/v1/me/orders/{id}/capture", { params: { path: { id } } });
  } catch (error) {
    return paymentProblem(error);
  }
  redirect(`/account/orders/${encodeURIComponent(id)}`);
}

/** PayPal's onApprove: the buyer approved in PayPal's window; capture it here (the browser then opens the order). */
export async function capturePayPalAction(id: string): Promise<{ error?: string }> {
  const { api } = await requireAccount(await currentSurface(), `/checkout/${encodeURIComponent(id)}`);
  try {
    await api.post("/v1/me/orders/{id}/capture", { params: { path: { id } } });
    return {};
  } catch (error) {
    return { error: paymentProblem(error).error };
  }
}
