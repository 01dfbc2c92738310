"use server";
import { redirect } from "next/navigation";
import { safeReturnPath, sessionData, signIn, signOut, signUp, type StorefrontSurface } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { currentAccount, getSession } from "@/lib/session";
import { formProblem, type FormState } from "@/ui/problems";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

async function storefront(): Promise<StorefrontSurface> {
  const surface = await currentSurface();
  if (surface.kind !== "storefront") redirect("/");
  return surface;
}

async function startSession(surface: StorefrontSurface, email: string, password: string): Promise<void> {
  const api = await signIn(surface, { email, password });
  const session = await getSession();
  Object.assign(session, sessionData(surface.brandId, api));
  await session.save();
}

export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  const surface = await storefront();
  // Passwords are sent exactly as typed (spaces count); the email and name are trimmed by the API.
  const email = text(form, "email");
  const password = text(form, "password");
  try {
    await signUp(surface, { email, password, display_name: text(form, "display_name") });
    await startSession(surface, email, password);
  } catch (error) {
    return formProblem(error, "We could not create your account.");
  }
  redirect(safeReturnPath(form.get("next")));
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  const surface = await storefront();
  try {
    await startSession(surface, text(form, "email"), text(form, "password"));
  } catch (error) {
    return formProblem(error, "We could not sign you in.");
  }
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  const surface = await storefront();
  const account = await currentAccount(surface.brandId);
  if (account) await signOut(account);
  (await getSession()).destroy();
  redirect("/");
}
