import "server-only";
import { RepurchError, type components, type Repurch } from "@repurch/sdk";

export type ListingOptions = components["schemas"]["ListingOptions"];
export type MyListing = components["schemas"]["MyListingDetail"];
export type MyListingSummary = components["schemas"]["MyListingSummary"];
export type PayoutEstimate = components["schemas"]["PayoutEstimate"];
export type SellerCredit = components["schemas"]["SellerCredit"];

/** The delivery contributions a listing may take (the API's platform list), in pounds. */
export const DELIVERY_CONTRIBUTIONS = [0, 30, 60, 129] as const;

/** The brand's taxonomy, read with the consumer's token (the lists their trade-in is validated against). */
export function listingOptions(api: Repurch): Promise<ListingOptions> {
  return api.get("/v1/listings/options");
}

/** The account's trade-ins, newest first (one page of 100: a consumer sells a handful). */
export async function myListings(api: Repurch): Promise<MyListingSummary[]> {
  return (await api.get("/v1/me/listings", { params: { query: { per_page: 100 } } })).data;
}

/** One of the account's trade-ins, or null when it is not theirs (another account's reads the same). */
export async function myListing(api: Repurch, id: number): Promise<MyListing | null> {
  try {
    return await api.get("/v1/me/listings/{id}", { params: { path: { id } } });
  } catch (error) {
    if (error instanceof RepurchError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

/** The account's credit codes, newest first. */
export async function myCredits(api: Repurch): Promise<SellerCredit[]> {
  return (await api.get("/v1/me/credits", { params: { query: { per_page: 100 } } })).data;
}
