import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { fixture, marketplace, partnerApi, screenshots, storefront, uniqueEmail } from "./fixture";

const [a] = fixture.brands;
const PASSWORD = "velvet harbour lantern";

/** A word no other listing has (letters only, so search matches it whole). */
function uniqueWord(): string {
  return `Buyer${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
}

/** A clearance sofa of brand A, listed through the API as the partner would. */
async function newListing(title = `${uniqueWord()} three-seater`): Promise<{ id: number; title: string; path: string }> {
  const created = await partnerApi(a, "POST", "/v1/listings", {
    title, description: "Ex-display, one small mark on the back.", channel: "clearance",
    price_gbp: 640, rrp_gbp: 1200, condition: "excellent", category: "Corner Sofas", colour: "Blue", delivery_contribution_gbp: 30,
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return { id: created.json.id, title, path: new URL(created.json.url).pathname };
}

/** Fills the sign-up form the page shows (the caller has got there) and submits it. */
async function fillSignUp(page: Page, email: string, name = "Robin Buyer"): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signUp(page: Page, email = uniqueEmail("buyer")): Promise<void> {
  await page.goto(storefront(a, "/account/sign-up"));
  await fillSignUp(page, email);
  await expect(page.locator("h1")).toHaveText("Hello, Robin Buyer");
}

/** From a listing page, signed in: Buy now, then the checkout page. Answers the order id. */
async function buy(page: Page, path: string): Promise<string> {
  await page.goto(storefront(a, path));
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/checkout\/ord_[A-Za-z0-9_]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function buyAndPay(page: Page, path: string): Promise<string> {
  const id = await buy(page, path);
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expect(page).toHaveURL(storefront(a, `/account/orders/${id}`));
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  return id;
}

test("a buyer finds a sofa by search, signs up from Buy now, pays into escrow and confirms receipt", async ({ page }) => {
  const listing = await newListing();
  await page.goto(storefront(a, `/search?q=${listing.title.split(" ")[0]}`));
  await page.getByRole("link", { name: new RegExp(listing.title) }).click();
  await expect(page).toHaveURL(storefront(a, listing.path));
  await expectAccessible(page);

  // Signed out, Buy now asks who they are and comes back to the listing.
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in\?next=/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(page, uniqueEmail("robin"));
  await expect(page).toHaveURL(storefront(a, listing.path));

  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/checkout\/ord_/);
  await expect(page.getByRole("heading", { name: "Test payment: no money moves" })).toBeVisible();
  await expect(page.locator(".order-summary")).toContainText(listing.title);
  await expect(page.getByTestId("total")).toHaveText("£640");
  await expect(page.locator(".order-summary")).toContainText("the seller contributes £30");
  await expectAccessible(page);
  await screenshots(page, "checkout");

  await page.getByRole("button", { name: "Approve payment" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/ord_/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.locator(".timeline")).toContainText(/Your money is held safely until you confirm delivery or \d{1,2} [A-Z][a-z]+ \d{4}/);
  await expectAccessible(page);
  await screenshots(page, "order");

  await page.getByRole("button", { name: "Confirm I received it" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Completed");
  await expect(page.locator(".timeline")).toContainText("the money was released to the seller");
  await expect(page.getByRole("button", { name: "Confirm I received it" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(storefront(a, "/account/orders"));
  const row = page.locator(".order-list li", { hasText: listing.title });
  await expect(row).toContainText("£640");
  await expect(row).toContainText("Completed");
  await expectAccessible(page);
});

test("a declined payment says why and leaves the order waiting for payment", async ({ page }) => {
  const listing = await newListing();
  await signUp(page, uniqueEmail("decline"));
  const id = await buy(page, listing.path);
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expect(page.locator(".problem[role=alert]")).toContainText("Your payment was declined: your card or account was refused. Nothing was taken.");
  await expect(page).toHaveURL(storefront(a, `/checkout/${id}`));
  await expect(page.getByRole("button", { name: "Approve payment" })).toBeEnabled();
  await expectAccessible(page);

  await page.goto(storefront(a, `/account/orders/${id}`));
  await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
  await expect(page.getByRole("link", { name: "Pay now" })).toBeVisible();
  await expectAccessible(page);
});

test("a question with a phone number is held for a check (the default policy), and says why", async ({ page }) => {
  const listing = await newListing();
  await signUp(page);
  await page.goto(storefront(a, listing.path));
  await page.getByLabel("Your question").fill("Is it still available? Ring me on 07700 900123.");
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page).toHaveURL(/\/account\/messages\/[A-Za-z0-9_]+$/);
  await expect(page.locator("h1")).toHaveText(listing.title);
  const mine = page.locator(".message.mine");
  await expect(mine).toContainText("07700 900123");
  await expect(mine.locator(".message-status")).toContainText("Waiting for a check");
  await expect(mine.locator(".message-status")).toContainText("Phone numbers, email addresses");
  await expectAccessible(page);
  await screenshots(page, "messages-thread");

  // A clean reply is delivered: no note under it.
  await page.getByLabel("Your message").fill("Also, does it come apart for stairs?");
  await page.getByRole("button", { name: "Send" }).click();
  const reply = page.locator(".message.mine", { hasText: "come apart for stairs" });
  await expect(reply).toBeVisible();
  await expect(reply.locator(".message-status")).toHaveCount(0);

  await page.goto(storefront(a, "/account/messages"));
  await expect(page.locator(".inbox li", { hasText: listing.title })).toContainText("You asked the seller");
  await expectAccessible(page);
  await screenshots(page, "messages");
});

test("where the brand blocks contact details, a question with a phone number is not delivered, and says why", async ({ page }) => {
  const b = fixture.brands[1];
  // Brand B's own policy (only its specs use it): contact details are blocked, not held.
  const policy = await partnerApi(b, "PATCH", "/v1/partner/settings/trust", { actions: { contact_details: "block" } });
  expect(policy.status, JSON.stringify(policy.json)).toBe(200);
  const created = await partnerApi(b, "POST", "/v1/listings", {
    title: `${uniqueWord()} linen snuggler`, channel: "clearance", price_gbp: 420, condition: "excellent", category: "Corner Sofas", delivery_contribution_gbp: 0,
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  await page.goto(storefront(b, "/account/sign-up"));
  await fillSignUp(page, uniqueEmail("blocked"));
  await expect(page.locator("h1")).toHaveText("Hello, Robin Buyer");
  await page.goto(storefront(b, new URL(created.json.url).pathname));
  await page.getByLabel("Your question").fill("Is it still for sale? Text me on 07700 900123.");
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page).toHaveURL(/\/account\/messages\/[A-Za-z0-9_]+$/);
  const status = page.locator(".message.mine .message-status");
  await expect(status).toContainText("Not delivered: this message was blocked.");
  await expect(status).toContainText("Phone numbers, email addresses");
  await expectAccessible(page);
});

test("a problem reported from the order page shows on it, and the order is disputed", async ({ page }) => {
  const listing = await newListing();
  await signUp(page);
  await buyAndPay(page, listing.path);
  await page.getByRole("link", { name: "Report a problem" }).click();
  await expect(page.locator("h1")).toHaveText("Report a problem");
  await page.getByRole("button", { name: "Report the problem" }).click();
  await expect(page.locator(".problem[role=alert]")).toContainText("We could not report the problem.");
  await expect(page.locator("#reason-problem")).toHaveText("Choose what went wrong.");
  await expectAccessible(page);

  await page.getByLabel("What went wrong?").selectOption("damaged");
  await page.getByLabel("Tell us what happened").fill("The left arm is split along the seam.");
  await page.getByRole("button", { name: "Report the problem" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/ord_[A-Za-z0-9_]+$/);
  await expect(page.getByTestId("order-status")).toHaveText("Disputed");
  await expect(page.getByTestId("dispute-status")).toHaveText("Waiting for the seller");
  const panel = page.locator(".dispute");
  await expect(panel).toContainText("It arrived damaged");
  await expect(panel).toContainText("The left arm is split along the seam.");
  await expect(panel).toContainText("Seller answers by");
  await expect(page.getByRole("button", { name: "Confirm I received it" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, "order-disputed");
});

/** Tab forward until the focused control's text is `name` (keyboard only: no clicks). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test("by keyboard alone, from the listing page to a paid order", async ({ page }) => {
  const listing = await newListing();
  await signUp(page);
  await page.goto(storefront(a, listing.path));
  await tabTo(page, "Buy now");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout\/ord_/);
  await tabTo(page, "Approve payment");
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/account\/orders\/ord_/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
});

test("buying works with JavaScript turned off", async ({ browser }) => {
  const listing = await newListing();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signUp(page);
  await buyAndPay(page, listing.path);
  await context.close();
});

test("the marketplace sends buyers to the brand's storefront; another account opening my order gets the not-found page", async ({ page, browser }) => {
  const listing = await newListing();
  await page.goto(marketplace(listing.path));
  const link = page.getByRole("link", { name: `Buy from ${a.displayName}` });
  await expect(link).toHaveAttribute("href", storefront(a, listing.path));
  await expect(page.getByRole("button", { name: "Buy now" })).toHaveCount(0);
  await expectAccessible(page);
  await link.click();
  await expect(page).toHaveURL(storefront(a, listing.path));

  await signUp(page);
  const id = await buy(page, listing.path);
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signUp(theirs);
  for (const path of [`/account/orders/${id}`, `/checkout/${id}`, `/account/orders/${id}/problem`]) {
    const response = await theirs.goto(storefront(a, path));
    expect(response?.status()).toBe(404);
    await expect(theirs.locator("h1")).toHaveText("Page not found");
  }
  await expectAccessible(theirs);
  await other.close();
  // The owner still sees it.
  await page.goto(storefront(a, `/account/orders/${id}`));
  await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
});
