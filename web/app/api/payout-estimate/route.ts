import { RepurchError } from "@repurch/sdk";
import { consumerClient } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { currentAccount } from "@/lib/session";

/** The seller's payout at the price they are typing (GET /v1/me/listings/payout-estimate with their token). */
export async function GET(request: Request): Promise<Response> {
  const surface = await currentSurface();
  const session = surface.kind === "storefront" ? await currentAccount(surface.brandId) : null;
  if (!session) return Response.json({ error: "signed_out" }, { status: 401 });
  const query = new URL(request.url).searchParams;
  try {
    const estimate = await consumerClient(session).get("/v1/me/listings/payout-estimate", {
      params: { query: { price_gbp: query.get("price_gbp") ?? "", delivery_contribution_gbp: Number(query.get("delivery_contribution_gbp") ?? "0") } },
    });
    return Response.json(estimate, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof RepurchError && error.status < 500) {
      const codes = Array.isArray(error.data?.errors) ? (error.data.errors as string[]) : [error.code];
      return Response.json({ error: error.code, codes }, { status: error.status });
    }
    throw error;
  }
}
