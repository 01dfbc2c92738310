import { Repurch } from "@repurch/sdk";

// A sandbox key (re_pk_test_…) works on sandbox data, a live key (re_pk_live_…) on live data.
const repurch = new Repurch({ apiKey: process.env.REPURCH_API_KEY!, baseUrl: process.env.REPURCH_BASE_URL });

// Every clearance listing: the SDK fetches the next page as the loop reaches it.
for await (const listing of repurch.paginate("/v1/listings", { query: { channel: "clearance", per_page: 2 } })) {
  console.log(`${listing.id}\t${listing.title}\t£${listing.price}`);
}
