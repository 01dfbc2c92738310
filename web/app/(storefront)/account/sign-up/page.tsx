import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { currentAccount } from "@/lib/session";
import { ActionForm } from "@/ui/ActionForm";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUp({ searchParams }: Props) {
  const surface = await currentSurface();
  if (surface.kind !== "storefront") redirect("/");
  const next = safeReturnPath((await searchParams).next);
  if (await currentAccount(surface.brandId)) redirect(next);
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <p>Buy with your money held safely until you confirm delivery, and trade in your own sofa for credit.</p>
      <ActionForm action={signUpAction} submit="Create account" hidden={{ next }} fields={[
          { name: "display_name", label: "Your name", autoComplete: "name", maxLength: 100 },
          { name: "email", label: "Email address", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", maxLength: 128, hint: "At least 12 characters. A few unrelated words work well." },
        ]} />
      <p>Already have an account? <a href={`/account/sign-in?next=${encodeURIComponent(next)}`}>Sign in</a></p>
    </section>
  );
}
