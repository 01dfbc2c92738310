"use server";
import { redirect } from "next/navigation";
import { requireAccount } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { formProblem } from "@/ui/problems";
import type { SellState } from "@/ui/SellForm";

const TEXT_FIELDS = ["title", "description", "condition", "category", "item_type", "brand", "colour", "fabric", "age_years"] as const;
const DIMENSIONS = ["width", "depth", "height"] as const;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function all(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
}

/** What the seller typed, so the form shows it again next to its problems (React resets a form after its action). */
function submitted(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of [...TEXT_FIELDS, "price_gbp", "delivery_contribution_gbp", ...DIMENSIONS]) values[name] = text(form, name);
  values.faults = all(form, "faults");
  values.exposed_to = all(form, "exposed_to");
  return values;
}

/** Lists the trade-in (POST /v1/me/listings as the seller) and opens it; problems go back to the form, field by field. */
export async function createTradeInAction(_: SellState, form: FormData): Promise<SellState> {
  const { api } = await requireAccount(await currentSurface(), "/sell");
  const body: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) if (text(form, name)) body[name] = text(form, name);
  // Whole pounds only: anything else is left out and its message replaced below.
  const price = text(form, "price_gbp");
  const wholePounds = /^\d{1,7}$/.test(price);
  if (wholePounds) body.price_gbp = Number(price);
  body.delivery_contribution_gbp = Number(text(form, "delivery_contribution_gbp") || "0");
  const faults = all(form, "faults");
  if (faults.length > 0) body.faults = faults;
  const exposed = all(form, "exposed_to");
  if (exposed.length > 0) body.exposed_to = exposed;
  // A value that is not a number goes as typed, so the API names the measurements as the problem.
  const measurements = DIMENSIONS.filter((d) => text(form, d)).map((d) => ({ dimension: d, value_cm: Number.isFinite(Number(text(form, d))) ? Number(text(form, d)) : text(form, d) }));
  if (measurements.length > 0) body.measurements = measurements;
  const photos = all(form, "attachment_ids").map(Number);
  if (photos.length > 0) body.attachment_ids = photos;

  let id: number;
  try {
    id = (await api.post("/v1/me/listings", { body: body as never })).id;
  } catch (error) {
    const state: SellState = { ...formProblem(error, "Please check your trade-in."), values: submitted(form) };
    if (price && !wholePounds) state.fields = { ...state.fields, price_gbp: "Enter the price in whole pounds, like 180." };
    return state;
  }
  redirect(`/account/listings/${id}`);
}
