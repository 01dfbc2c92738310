import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Repurch } from "@repurch/sdk";

const repurch = new Repurch({ apiKey: process.env.REPURCH_API_KEY!, baseUrl: process.env.REPURCH_BASE_URL });

// Upload each photo (JPEG, PNG, WebP or GIF), then create the listing with their attachment ids.
const attachmentIds: number[] = [];
for (const path of process.argv.slice(2)) {
  const photo = await repurch.post("/v1/listings/upload-photo", {
    body: { image_base64: (await readFile(path)).toString("base64"), filename: basename(path) },
  });
  attachmentIds.push(photo.attachment_id);
}

const listing = await repurch.post("/v1/listings", {
  body: {
    title: "Grey velvet corner sofa",
    channel: "clearance",
    price_gbp: 899.0,
    condition: "like-new",
    category: "Corner Sofas",
    delivery_contribution_gbp: 60,
    attachment_ids: attachmentIds,
  },
});
console.log(`${listing.id}\t${listing.title}\t${listing.images?.length ?? 0} photos`);
