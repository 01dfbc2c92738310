import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { exchange, fixture, partnerApi, screenshots, uniqueEmail } from "./fixture";

const [a] = fixture.brands;
const PASSWORD = "velvet harbour lantern";

/** The whole story, through the pages only (the partner's redeem is the one API call). */
test("a seller trades a sofa in, a buyer finds it by search, signs up, pays into escrow and confirms; the seller's credit code appears and the partner redeems it", async ({ browser }) => {
  const word = `Story${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
  const title = `${word} green velvet sofa`;

  // The seller: signs up on the brand's trade-in storefront and lists a sofa.
  const seller = await (await browser.newContext()).newPage();
  await seller.goto(exchange(a, "/sell"));
  await seller.getByRole("link", { name: "Create an account" }).click();
  await seller.getByLabel("Your name").fill("Sasha Seller");
  await seller.getByLabel("Email address").fill(uniqueEmail("sasha"));
  await seller.getByLabel("Password").fill(PASSWORD);
  await seller.getByRole("button", { name: "Create account" }).click();
  await expect(seller.locator("h1")).toHaveText("Trade in your sofa");
  await seller.getByLabel("Title").fill(title);
  await seller.getByLabel("Description").fill("Comfortable and clean, from a smoke-free home.");
  await seller.getByLabel("Category").selectOption({ index: 1 });
  await seller.getByRole("group", { name: "Condition" }).getByRole("radio").first().check();
  await seller.getByLabel("Price (£)").fill("300");
  // £300: 14% commission £42, VAT on it £8.40.
  await expect(seller.locator(".payout-estimate")).toContainText("You’d receive £249.60 in credit");
  await seller.getByRole("button", { name: "List my sofa" }).click();
  await expect(seller.getByText("Your sofa is live.")).toBeVisible();

  // The buyer: another person, in another browser, finds it by search and buys it.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(exchange(a, `/search?q=${word}`));
  await buyer.getByRole("link", { name: new RegExp(title) }).click();
  await expect(buyer.locator("h1")).toHaveText(title);
  await buyer.getByRole("button", { name: "Buy now" }).click();
  await buyer.getByRole("link", { name: "Create an account" }).click();
  await buyer.getByLabel("Your name").fill("Bo Buyer");
  await buyer.getByLabel("Email address").fill(uniqueEmail("bo"));
  await buyer.getByLabel("Password").fill(PASSWORD);
  await buyer.getByRole("button", { name: "Create account" }).click();
  await expect(buyer.locator("h1")).toHaveText(title);
  await buyer.getByRole("button", { name: "Buy now" }).click();
  await expect(buyer.getByTestId("total")).toHaveText("£300");
  await buyer.getByRole("button", { name: "Approve payment" }).click();
  await expect(buyer.getByTestId("order-status")).toHaveText("Paid");

  // Before the buyer confirms, the money is in escrow and the seller has no code yet.
  await seller.goto(exchange(a, "/account/credit"));
  await expect(seller.locator(".credit")).toHaveCount(0);

  await buyer.getByRole("button", { name: "Confirm I received it" }).click();
  await expect(buyer.getByTestId("order-status")).toHaveText("Completed");

  // The moment escrow is released, the seller's credit code is there in full.
  await seller.reload();
  const credit = seller.locator(".credit");
  await expect(credit).toHaveCount(1);
  await expect(credit.locator(".credit-amount")).toHaveText("£249.60");
  await expect(credit).toContainText("Ready to spend");
  const code = (await credit.locator("code").textContent())!.trim();
  await expectAccessible(seller);
  await screenshots(seller, "story-credit");

  // The partner redeems it at its own checkout; the seller then sees it spent, and it cannot be spent twice.
  const redeemed = await partnerApi(a, "POST", "/v1/codes/redeem", { code, order_reference: `STORY-${word}` });
  expect(redeemed.status, JSON.stringify(redeemed.json)).toBe(200);
  expect(redeemed.json.amount_gbp).toBe(249.6);
  const again = await partnerApi(a, "POST", "/v1/codes/redeem", { code, order_reference: `STORY-${word}-2` });
  expect(again.status).toBe(409);
  await seller.reload();
  await expect(credit).toContainText("Spent");
});
