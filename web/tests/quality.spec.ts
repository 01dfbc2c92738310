// The storefronts' quality pass: widths, readable text, tap targets, axe, photos' srcset, screenshots.
import { deflateSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { fixture, marketplace, partnerApi, screenshots, storefront } from "./fixture";

const [a] = fixture.brands;

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
}

/** A w x h RGB PNG shading from one colour to another, big enough that both variants are smaller than it. */
function gradientPng(w: number, h: number, from: [number, number, number], to: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = w * 3 + 1;
  const raw = Buffer.alloc(row * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x + y) / (w + h);
      for (let c = 0; c < 3; c++) raw[y * row + 1 + x * 3 + c] = Math.round(from[c] + (to[c] - from[c]) * t);
    }
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** A word no other listing has, letters only (search stems words). */
function uniqueWord(): string {
  return "Lumen" + Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

async function uploadPhoto(png: Buffer): Promise<{ url: string; sizes: { medium: string; large: string } }> {
  const uploaded = await partnerApi(a, "POST", "/v1/listings/upload-photo", { image_base64: png.toString("base64"), filename: "quality-sofa.png" });
  expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(201);
  return uploaded.json;
}

async function createListing(title: string, images: string[]): Promise<string> {
  const created = await partnerApi(a, "POST", "/v1/listings", {
    title, description: "Ex-display, collected from our warehouse.", channel: "clearance", price_gbp: 899, rrp_gbp: 1399,
    condition: "excellent", category: "Corner Sofas", colour: "Blue", fabric: "Linen", delivery_contribution_gbp: 60, images,
    measurements: [{ dimension: "width", value_cm: 210 }, { dimension: "depth", value_cm: 90 }],
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return new URL(created.json.url).pathname;
}

/** A brand's listing with two uploaded photos, and the API's own variant URLs for the first. */
async function photoListing(): Promise<{ path: string; word: string; title: string; first: { url: string; sizes: { medium: string; large: string } } }> {
  const first = await uploadPhoto(gradientPng(1200, 900, [31, 79, 217], [190, 205, 240]));
  const second = await uploadPhoto(gradientPng(900, 1200, [120, 120, 110], [230, 228, 220]));
  const word = uniqueWord();
  const title = `${word} blue linen three-seater sofa`;
  return { path: await createListing(title, [first.url, second.url]), word, title, first };
}

/** Every srcset candidate's URL and width descriptor. */
function candidates(srcset: string): { url: string; width: string }[] {
  return srcset.split(",").map((c) => {
    const [url, width] = c.trim().split(/\s+/);
    return { url, width };
  });
}

/** No sideways scrolling, body copy at 16 px or more, form controls at least 24 by 24 px, axe clean: at 390 and 1440 px (soft: every problem on the page is reported). */
async function expectReadable(page: Page): Promise<void> {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect.soft(sizes.scroll, `scrollWidth at ${width} px on ${page.url()}`).toBeLessThanOrEqual(sizes.inner);

    // Body copy: text in paragraphs, list items, definitions and labels; fine print (hints, meta, counts) may be smaller.
    const small = await page.evaluate(() => {
      const finePrint = ".hint, .small, .muted, .card-meta, .count, .help, .field-error, .visually-hidden, del";
      return [...document.querySelectorAll<HTMLElement>("main p, main li, main dd, main dt, main label, main h1, main h2, main a, main button, main input, main select")]
        .filter((el) => el.offsetParent !== null && !el.closest(finePrint))
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "") || el.matches("input, select"))
        .map((el) => ({ el: `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent!.trim().slice(0, 30)}`, px: Number.parseFloat(getComputedStyle(el).fontSize) }))
        .filter((t) => t.px < 16)
        .map((t) => `${t.el} (${t.px}px)`);
    });
    expect.soft(small, `text under 16 px at ${width} px on ${page.url()}`).toEqual([]);

    const tiny = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("form button, form a, form input[type=submit], form input:not([type=hidden]), form select")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ el, box }) => `${el.tagName.toLowerCase()} "${el.textContent!.trim() || el.getAttribute("name")}" ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    expect.soft(tiny, `tap targets under 24x24 px at ${width} px on ${page.url()}`).toEqual([]);

    expect.soft(await page.locator("h1").count(), `h1 headings on ${page.url()}`).toBe(1);
    await expectAccessible(page);
  }
}

const pages: { name: string; url: () => string }[] = [
  { name: "storefront-home", url: () => storefront(a) },
  { name: "storefront-search", url: () => storefront(a, `/search?q=${fixture.searchWord}`) },
  { name: "storefront-search-none", url: () => storefront(a, "/search?q=zzqxnothingmatches") },
  { name: "storefront-listing", url: () => storefront(a, a.listingPath) },
  { name: "storefront-sign-in", url: () => storefront(a, "/account/sign-in") },
  { name: "storefront-sign-up", url: () => storefront(a, "/account/sign-up") },
  { name: "marketplace-home", url: () => marketplace() },
  { name: "marketplace-search", url: () => marketplace(`/search?q=${fixture.searchWord}`) },
  { name: "marketplace-search-none", url: () => marketplace("/search?q=zzqxnothingmatches") },
  { name: "marketplace-listing", url: () => marketplace(a.listingPath) },
];

for (const p of pages) {
  test(`quality: ${p.name} fits, reads and passes axe at 390 and 1440 px`, async ({ page }) => {
    const response = await page.goto(p.url());
    expect(response?.status()).toBe(200);
    await expectReadable(page);
    await screenshots(page, `quality-${p.name}`);
  });
}

test("quality: a listing's uploaded photos carry a srcset of their real variants, the first eager, the rest lazy", async ({ page }) => {
  const listing = await photoListing();
  await page.goto(storefront(a, listing.path));
  const photos = page.locator(".gallery img");
  await expect(photos).toHaveCount(2);
  const first = photos.first();
  await expect(first).toHaveAttribute("loading", "eager");
  await expect(first).toHaveAttribute("fetchpriority", "high");
  await expect(first).toHaveAttribute("width", /^\d+$/);
  await expect(first).toHaveAttribute("height", /^\d+$/);
  await expect(first).toHaveAttribute("sizes", /\d+px|vw/);
  await expect(photos.nth(1)).toHaveAttribute("loading", "lazy");
  // Exactly the two variants the API returned for the upload, with their box widths.
  const srcset = (await first.getAttribute("srcset")) ?? "";
  expect(candidates(srcset)).toEqual([{ url: listing.first.sizes.medium, width: "300w" }, { url: listing.first.sizes.large, width: "1024w" }]);
  for (const img of await photos.all()) {
    const urls = candidates((await img.getAttribute("srcset")) ?? "").map((c) => c.url);
    urls.push((await img.getAttribute("src")) ?? "");
    for (const url of urls) {
      const answer = await page.request.get(url);
      expect(answer.status(), url).toBe(200);
      expect(answer.headers()["content-type"], url).toMatch(/^image\//);
    }
  }
  // The browser chose a candidate and drew it.
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page);
  await screenshots(page, "quality-photo-listing");
  // The README's picture (docs/images/storefront-listing.png): the themed listing page as a 1440 x 900 window shows it.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/readme-storefront-listing-1440.png" });

  // The card in search results offers the same variants.
  await expect(async () => {
    await page.goto(storefront(a, `/search?q=${listing.word}`));
    await expect(page.getByTestId("listings")).toContainText(listing.title);
  }).toPass({ timeout: 20_000 });
  const card = page.locator(".card-image").first();
  expect(candidates((await card.getAttribute("srcset")) ?? "").map((c) => c.url)).toEqual([listing.first.sizes.medium, listing.first.sizes.large]);
  await expect(card).toHaveAttribute("sizes", /\d+px|vw/);
  await expect(card).toHaveAttribute("fetchpriority", "high");
});

test("quality: a partner's own image URL is shown as it is, with no made-up variants", async ({ page }) => {
  const path = await createListing(`${uniqueWord()} oak frame armchair`, ["https://images.example.invalid/armchair.jpg"]);
  await page.goto(storefront(a, path));
  const photo = page.locator(".gallery img");
  await expect(photo).toHaveAttribute("src", "https://images.example.invalid/armchair.jpg");
  await expect(photo).not.toHaveAttribute("srcset", /.*/);
  await expect(photo).not.toHaveAttribute("sizes", /.*/);
});

test.describe("quality without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("quality: a listing page with photos shows its title, price, gallery and JSON-LD", async ({ page }) => {
    const listing = await photoListing();
    await page.goto(storefront(a, listing.path));
    await expect(page.locator("h1")).toHaveText(listing.title);
    await expect(page.getByTestId("price")).toHaveText("£899");
    await expect(page.locator(".gallery img").first()).toBeVisible();
    await expect(page.locator(".gallery img").first()).toHaveAttribute("srcset", new RegExp(`300w, .+ 1024w$`));
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld["@type"]).toBe("Product");
    expect(ld.name).toBe(listing.title);
    expect(ld.image).toContain(listing.first.url);
  });
});
