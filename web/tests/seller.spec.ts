import { deflateSync } from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { exchange, fixture, partnerApi, screenshots, uniqueEmail } from "./fixture";

const [a] = fixture.brands;
const PASSWORD = "velvet harbour lantern";

/** CRC-32 of PNG chunks (node:zlib's crc32 needs Node 22). */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A small valid PNG of one colour, made here so the spec needs no fixture file. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

/** A word no other listing has, so search finds exactly this one. */
function uniqueWord(): string {
  return `sofa${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
}

async function signUp(page: Page, name: string, next = "/sell"): Promise<void> {
  await page.goto(exchange(a, `/account/sign-up?next=${encodeURIComponent(next)}`));
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(uniqueEmail(name.split(" ")[0].toLowerCase()));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(exchange(a, next));
}

/** The details every trade-in needs (the brand's first category and condition). */
async function fillDetails(page: Page, title: string, description: string, price: string): Promise<void> {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByRole("group", { name: "Condition" }).getByRole("radio").first().check();
  await page.getByLabel("Price (£)").fill(price);
}

/** A clean trade-in listed through /sell by a new seller; its id. */
async function listTradeIn(page: Page, title: string, price = "200"): Promise<number> {
  await signUp(page, "Alex Seller");
  await fillDetails(page, title, "Lovely and comfortable, a few years old.", price);
  await page.getByRole("button", { name: "List my sofa" }).click();
  await expect(page).toHaveURL(/\/account\/listings\/\d+$/);
  return Number(/(\d+)$/.exec(page.url())![1]);
}

/** A second account of the brand buys the listing through the API, pays, and confirms it arrived. */
async function buyAndConfirm(listingId: number): Promise<void> {
  const storefrontKey = fixture.api.keys[a.id].storefront;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${fixture.api.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return text ? JSON.parse(text) : null;
  };
  const email = uniqueEmail("robin");
  await call("POST", "/v1/accounts", storefrontKey, { email, password: PASSWORD, display_name: "Robin Buyer" });
  const session = await call("POST", "/v1/accounts/sessions", storefrontKey, { email, password: PASSWORD });
  const order = await call("POST", "/v1/me/orders", session.access_token, { listing_id: listingId });
  await call("POST", `/v1/me/orders/${order.id}/capture`, session.access_token);
  await call("POST", `/v1/me/orders/${order.id}/confirm-receipt`, session.access_token);
}

async function otherAccount(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, "Jamie Other", "/account");
  return page;
}

test("a seller trades in a sofa with two photos, sees the payout as they type, and it is live in their trade-ins and the shop", async ({ page }) => {
  await page.goto(exchange(a, "/sell"));
  await expect(page).toHaveURL(/\/account\/sign-in\?next=%2Fsell$/);
  await signUp(page, "Alex Seller");
  await expect(page.locator("h1")).toHaveText("Trade in your sofa");
  await expectAccessible(page);

  await page.getByLabel("Photos").setInputFiles([
    { name: "first.png", mimeType: "image/png", buffer: png(60, 40, [200, 60, 60]) },
    { name: "second.png", mimeType: "image/png", buffer: png(40, 60, [60, 60, 200]) },
  ]);
  const bars = page.locator(".photo-item progress");
  await expect(bars).toHaveCount(2);
  await expect(bars.nth(0)).toHaveAttribute("value", "100");
  await expect(bars.nth(1)).toHaveAttribute("value", "100");
  await expect(page.getByText("Uploaded first.png")).toBeVisible();
  await expect(page.getByText("Uploaded second.png")).toBeVisible();
  await expect(page.locator(".photo-item").first()).toContainText("Cover photo");
  await expect(page.locator(".photo-item").first()).toContainText("first.png");

  // By keyboard: the second photo moves to the front and becomes the cover.
  await page.getByRole("button", { name: "Move left: second.png" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".photo-item").first()).toContainText("Cover photo");
  await expect(page.locator(".photo-item").first()).toContainText("second.png");
  await expect(page.locator(".photo-item").nth(1)).not.toContainText("Cover photo");
  await expect(page.locator("input[type=hidden][name=attachment_ids]")).toHaveCount(2);

  const word = uniqueWord();
  const title = `Blue linen armchair ${word}`;
  await fillDetails(page, title, "Lovely and comfortable, a few years old.", "180");
  await page.getByLabel("Colour (optional)").selectOption({ index: 1 });
  await page.getByLabel("Width (cm)").fill("210");
  await page.getByLabel("Depth (cm)").fill("95");
  await page.getByLabel("Height (cm)").fill("80");
  await page.getByLabel("Delivery contribution").selectOption("30");
  // £180: commission 14% £25.20, VAT on it £5.04, delivery £30.
  const estimate = page.locator(".payout-estimate");
  await expect(estimate).toContainText("You’d receive £119.76 in credit");
  await expect(estimate).toContainText("−£25.20");
  await expect(estimate).toContainText("−£5.04");
  await expect(estimate).toContainText("−£30");
  // £240: commission £33.60, VAT £6.72.
  await page.getByLabel("Price (£)").fill("240");
  await expect(estimate).toContainText("You’d receive £169.68 in credit");
  await expect(estimate).toContainText("−£33.60");
  await expectAccessible(page);
  await screenshots(page, "sell");

  await page.getByRole("button", { name: "List my sofa" }).click();
  await expect(page).toHaveURL(/\/account\/listings\/\d+$/);
  await expect(page.locator("h1")).toHaveText(title);
  await expect(page.getByText("Your sofa is live.")).toBeVisible();
  await expect(page.locator(".facts")).toContainText("£169.68 in credit when it sells");
  // The cover is the photo moved to the front.
  await expect(page.locator(".trade-in-photos img").first()).toHaveAttribute("src", /second/);
  await expect(page.locator(".trade-in-photos img")).toHaveCount(2);
  await expectAccessible(page);

  await page.getByRole("link", { name: "See it in the shop" }).click();
  await expect(page.locator("h1")).toHaveText(title);

  await page.goto(exchange(a, "/account/listings"));
  await expect(page.locator("h1")).toHaveText("Your trade-ins");
  const row = page.locator(".trade-in", { hasText: title });
  await expect(row).toContainText("£240");
  await expect(row).toContainText("Live");
  await expect(row.locator("img")).toHaveCount(1);
  await expectAccessible(page);
  await screenshots(page, "listings");

  await page.goto(exchange(a, `/search?q=${word}`));
  await expect(page.locator(".card-title")).toHaveText([title]);
});

test("a trade-in with a phone number in its description waits for a quick check, and says why", async ({ page }) => {
  await signUp(page, "Alex Seller");
  // Nothing filled in: each problem is shown against its field.
  await page.getByRole("button", { name: "List my sofa" }).click();
  await expect(page.locator(".problem[role=alert]")).toContainText("Please check your trade-in.");
  await expect(page.locator("#title-problem")).toHaveText("Enter a title.");
  await expect(page.locator("#category-problem")).toHaveText("Choose a category.");
  await expect(page.locator("#price_gbp-problem")).toHaveText("Enter a price in whole pounds, like 180.");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Pence are not whole pounds, and what was typed stays.
  await fillDetails(page, "Grey corner sofa", "Call me on 07700 900123 and we can sort it out.", "180.50");
  await page.getByRole("button", { name: "List my sofa" }).click();
  await expect(page.locator("#price_gbp-problem")).toHaveText("Enter the price in whole pounds, like 180.");
  await expect(page.getByLabel("Title")).toHaveValue("Grey corner sofa");

  await fillDetails(page, "Grey corner sofa", "Call me on 07700 900123 and we can sort it out.", "180");
  await page.getByRole("button", { name: "List my sofa" }).click();
  await expect(page).toHaveURL(/\/account\/listings\/\d+$/);
  await expect(page.getByText("Your sofa is waiting for a quick check")).toBeVisible();
  await expect(page.locator(".review-reasons")).toContainText("It includes contact details");
  await expect(page.getByRole("link", { name: "See it in the shop" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(exchange(a, "/account/listings"));
  await expect(page.locator(".trade-in", { hasText: "Grey corner sofa" })).toContainText("Waiting for a quick check");
});

test("when the seller's trade-in sells and the buyer confirms receipt, the credit code shows, copies, and shows as spent once redeemed", async ({ page, context }) => {
  const id = await listTradeIn(page, `Oak frame sofa ${uniqueWord()}`);
  await page.goto(exchange(a, "/account/credit"));
  await expect(page.locator("h1")).toHaveText("Your credit");
  await expect(page.locator(".empty")).toContainText("the moment the buyer confirms they have received their sofa");
  await expectAccessible(page);

  await buyAndConfirm(id);
  await page.reload();
  const credit = page.locator(".credit");
  await expect(credit).toHaveCount(1);
  // £200: commission £28, VAT £5.60.
  await expect(credit.locator(".credit-amount")).toHaveText("£166.40");
  await expect(credit).toContainText("Ready to spend");
  const code = (await credit.locator("code").textContent())!;
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{5}$/);
  await expect(page.getByText(`Spend your credit with ${a.displayName}`)).toBeVisible();
  await expect(page.locator("#main").getByRole("link", { name: "help@example.com" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "credit");

  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.getByRole("button", { name: `Copy code ${code}` }).click();
  await expect(credit.locator("[aria-live=polite]")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const redeemed = await partnerApi(a, "POST", "/v1/codes/redeem", { code, order_reference: `T-${id}` });
  expect(redeemed.status).toBe(200);
  expect(redeemed.json.amount_gbp).toBe(166.4);
  await page.reload();
  await expect(credit).toContainText("Spent");
  await expect(page.getByRole("button", { name: /Copy code/ })).toHaveCount(0);
});

test("another account cannot open the seller's trade-in", async ({ page, browser }) => {
  const id = await listTradeIn(page, "Green velvet loveseat");
  await expect(page.locator("h1")).toHaveText("Green velvet loveseat");

  const other = await otherAccount(browser);
  const response = await other.goto(exchange(a, `/account/listings/${id}`));
  expect(response?.status()).toBe(404);
  await expect(other.locator("h1")).toHaveText("Page not found");
  await expect(other.getByText("Green velvet loveseat")).toHaveCount(0);
  await expectAccessible(other);
  await other.context().close();
});
