import { NextResponse, type NextRequest } from "next/server";
import { surfaceForHost } from "./lib/surface";

/** dashboard.localhost shows the dashboard's pages; every other host the storefront pages. */
export function proxy(request: NextRequest) {
  if (surfaceForHost(request.headers.get("host")).kind !== "dashboard") return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/dashboard")) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/dashboard";
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
