import type { ReactNode } from "react";
import "@/ui/styles.css";

export const metadata = { title: "Repurch dashboard", robots: { index: false, follow: false } };

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main" className="wrap">{children}</main>
      </body>
    </html>
  );
}
