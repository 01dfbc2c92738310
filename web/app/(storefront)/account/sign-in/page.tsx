import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { currentAccount } from "@/lib/session";
import { ActionForm } from "@/ui/ActionForm";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignIn({ searchParams }: Props) {
  const surface = await currentSurface();
  if (surface.kind !== "storefront") redirect("/");
  const next = safeReturnPath((await searchParams).next);
  if (await currentAccount(surface.brandId)) redirect(next);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <ActionForm action={signInAction} submit="Sign in" hidden={{ next }} fields={[
          { name: "email", label: "Email address", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]} />
      <p>New here? <a href={`/account/sign-up?next=${encodeURIComponent(next)}`}>Create an account</a></p>
    </section>
  );
}
