import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { exchange, fixture, marketplace, uniqueEmail } from "./fixture";

const [a, b] = fixture.brands;
const PASSWORD = "velvet harbour lantern";

async function signUp(page: Page, email: string, name = "Sam Buyer"): Promise<void> {
  await page.goto(exchange(a, "/account/sign-up"));
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("h1")).toHaveText(`Hello, ${name}`);
}

test("a visitor signs up, is signed in at once, signs out and signs back in", async ({ page, context }) => {
  const email = uniqueEmail("sam");
  await signUp(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The session is one sealed, httpOnly, SameSite cookie: no token a script (or a reader of the cookie) could use.
  const cookies = await context.cookies(exchange(a));
  expect(cookies.map((c) => c.name)).toEqual(["repurch_session"]);
  const [session] = cookies;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(session.value).not.toContain("eyJ");
  expect(await page.evaluate(() => document.cookie)).toBe("");
  expect(await page.content()).not.toContain("eyJ");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(exchange(a, "/account"));
  await expect(page).toHaveURL(/\/account\/sign-in\?next=%2Faccount$/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(exchange(a, "/account"));
  await expect(page.locator("h1")).toHaveText("Hello, Sam Buyer");
});

test("sign-up problems are shown against their fields, and a wrong password says only that the pair does not match", async ({ page }) => {
  await page.goto(exchange(a, "/account/sign-up"));
  await page.getByLabel("Your name").fill("Pat");
  await page.getByLabel("Email address").fill(uniqueEmail("pat"));
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".problem[role=alert]")).toContainText("We could not create your account.");
  await expect(page.locator("#password-problem")).toContainText("too common");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.goto(exchange(a, "/account/sign-in"));
  await page.getByLabel("Email address").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".problem[role=alert]")).toContainText("That email and password do not match an account here.");
});

test("an account is the brand's: another brand's storefront does not know it, and the marketplace offers no sign-in", async ({ page }) => {
  await signUp(page, uniqueEmail("kim"), "Kim Brand");
  await page.goto(exchange(b, "/account"));
  await expect(page).toHaveURL(/\/account\/sign-in/);
  await page.goto(exchange(a, "/"));
  await expect(page.getByRole("link", { name: /Your account/ })).toBeVisible();
  await page.goto(marketplace("/"));
  await expect(page.getByRole("navigation", { name: "Account" })).toHaveCount(0);
});

test("signing up works with JavaScript turned off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(exchange(a, "/account/sign-up"));
  await page.getByLabel("Your name").fill("No Script");
  await page.getByLabel("Email address").fill(uniqueEmail("noscript"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("h1")).toHaveText("Hello, No Script");
  await context.close();
});

test("a return address must be a path on this site", async ({ page }) => {
  await page.goto(exchange(a, "/account/sign-up?next=//evil.example/"));
  await page.getByLabel("Your name").fill("Redirect Test");
  await page.getByLabel("Email address").fill(uniqueEmail("redir"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(exchange(a, "/account"));
});

test("the account pages pass axe-core's WCAG 2.2 AA checks", async ({ page }) => {
  await page.goto(exchange(a, "/account/sign-up"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".problem[role=alert]")).toBeVisible();
  await expectAccessible(page);
  await page.goto(exchange(a, "/account/sign-in"));
  await expectAccessible(page);
  await signUp(page, uniqueEmail("axe"), "Axe Tester");
  await expectAccessible(page);
});

test("the proxy renews the access token before it lapses and reseals the cookie, so the visitor stays signed in", async ({ page, context }) => {
  await signUp(page, uniqueEmail("renew"), "Renee Wal");
  const before = (await context.cookies(exchange(a)))[0].value;
  // The browser tests renew a token once it is 20 s old (REPURCH_WEB_REFRESH_AHEAD_SECONDS).
  await page.waitForTimeout(21_000);
  await page.goto(exchange(a, "/account"));
  await expect(page.locator("h1")).toHaveText("Hello, Renee Wal");
  const after = (await context.cookies(exchange(a)))[0].value;
  expect(after).not.toBe(before);
  // And the renewed session works for the next page too.
  await page.goto(exchange(a, "/account"));
  await expect(page.locator("h1")).toHaveText("Hello, Renee Wal");
});
