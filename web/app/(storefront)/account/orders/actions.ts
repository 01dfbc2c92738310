"use server";
import { redirect } from "next/navigation";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formProblem, type FormState } from "@/ui/problems";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** "Confirm I received it": completes the order and releases the escrow to the seller side. */
export async function confirmReceiptAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "order_id");
  const page = `/account/orders/${encodeURIComponent(id)}`;
  const { api } = await requireAccount(await currentSurface(), page);
  try {
    await api.post("/v1/me/orders/{id}/confirm-receipt", { params: { path: { id } } });
  } catch (error) {
    return formProblem(error, "We could not confirm delivery.");
  }
  redirect(page);
}

/** "Report a problem": opens a dispute (the order becomes disputed and the money stays held). */
export async function openDisputeAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "order_id");
  const page = `/account/orders/${encodeURIComponent(id)}`;
  const { api } = await requireAccount(await currentSurface(), `${page}/problem`);
  try {
    await api.post("/v1/me/orders/{id}/disputes", { params: { path: { id } }, body: { reason: text(form, "reason"), text: text(form, "text") } });
  } catch (error) {
    return formProblem(error, "We could not report the problem.");
  }
  redirect(page);
}
