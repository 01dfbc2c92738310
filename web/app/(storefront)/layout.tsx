import type { Metadata } from "next";
import type { ReactNode } from "react";
import { surfaceBrand } from "@/lib/brand";
import { currentOrigin, currentSurface } from "@/lib/request";
import { currentAccount } from "@/lib/session";
import { SiteFooter } from "@/ui/SiteFooter";
import { SiteHeader } from "@/ui/SiteHeader";
import { signOutAction } from "./account/actions";
import { themeStyle } from "@/ui/theme";
import "@/ui/styles.css";

export async function generateMetadata(): Promise<Metadata> {
  const brand = await surfaceBrand(await currentSurface());
  return {
    metadataBase: new URL(await currentOrigin()),
    title: { default: brand.name, template: `%s | ${brand.name}` },
    description: brand.tagline ?? `Sofas from ${brand.name}`,
  };
}

/** Every storefront page: the brand's theme as CSS custom properties on <html>, its header and footer. */
export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const surface = await currentSurface();
  const brand = await surfaceBrand(surface);
  const account = surface.kind === "storefront" && brand.known ? await currentAccount(surface.brandId) : undefined;
  return (
    <html lang="en-GB" style={themeStyle(brand.theme)}>
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <SiteHeader brand={{ name: brand.name, tagline: brand.tagline, logoUrl: brand.logoUrl }} account={account === undefined ? undefined : account && { displayName: account.displayName }} signOut={signOutAction} />
        <main id="main" className="wrap">{children}</main>
        <SiteFooter name={brand.name} email={brand.supportEmail} phone={brand.supportPhone} />
      </body>
    </html>
  );
}
