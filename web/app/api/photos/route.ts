import { RepurchError } from "@repurch/sdk";
import { consumerClient } from "@/lib/account";
import { currentSurface } from "@/lib/request";
import { currentAccount } from "@/lib/session";

/** As the API: at most 10 MB decoded. */
const MAX_BYTES = 10 * 1024 * 1024;

/** JPEG, PNG or WebP by their first bytes (what the file is, never what the browser called it). */
function sniff(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return null;
}

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/**
 * One trade-in photo from the seller's browser (the raw file as the body, so the browser can show
 * upload progress): checked here, then stored with the consumer's own token, so only they can attach it.
 */
export async function POST(request: Request): Promise<Response> {
  const surface = await currentSurface();
  const session = surface.kind === "storefront" ? await currentAccount(surface.brandId) : null;
  if (!session) return problem(401, "Sign in again to add photos.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BYTES) return problem(413, "That photo is over 10 MB. Choose a smaller one.");
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > MAX_BYTES) return problem(413, "That photo is over 10 MB. Choose a smaller one.");
  if (bytes.length === 0 || !sniff(bytes)) return problem(415, "Choose a JPEG, PNG or WebP photo.");
  const filename = new URL(request.url).searchParams.get("filename")?.slice(0, 200) || undefined;
  try {
    const photo = await consumerClient(session).post("/v1/listings/upload-photo", {
      body: { image_base64: bytes.toString("base64"), filename },
    });
    return Response.json({ attachment_id: photo.attachment_id, thumbnail_url: photo.sizes.medium ?? photo.url }, { status: 201 });
  } catch (error) {
    if (error instanceof RepurchError && error.status < 500) {
      return problem(error.status === 401 ? 401 : 422, error.status === 401 ? "Sign in again to add photos." : "We could not use that photo. Try another one.");
    }
    throw error;
  }
}
