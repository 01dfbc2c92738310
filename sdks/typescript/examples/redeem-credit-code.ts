import { Repurch, RepurchError } from "@repurch/sdk";

const repurch = new Repurch({ apiKey: process.env.REPURCH_API_KEY!, baseUrl: process.env.REPURCH_BASE_URL });
const [code, orderReference] = process.argv.slice(2);

// At checkout: one call. A retry after a timeout reuses the SDK's Idempotency-Key, so it never redeems twice.
try {
  const redemption = await repurch.post("/v1/codes/redeem", { body: { code, order_reference: orderReference } });
  console.log(`redeemed £${redemption.amount_gbp} (${redemption.id}) on ${redemption.order_reference}`);
} catch (error) {
  // code_invalid, code_other_brand, code_already_redeemed, code_expired…: tell the shopper, keep the request id for support.
  if (error instanceof RepurchError) console.log(`refused: ${error.code} (${error.status}, request ${error.requestId})`);
  else throw error;
}
