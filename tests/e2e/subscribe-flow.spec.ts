// subscribe: the whole double opt-in flow in the browser, reading the confirmation from the local mail capture.
import { expect, test } from "@playwright/test";
import { createDb } from "../../src/server/db";
import { signSubscriberToken, subscriberLinks } from "../../src/server/subscriptions/subscription-links";
import { clearSignInLimit, signIn } from "./support/admin";
import { E2E_APP_SECRET } from "./support/constants";
import { e2eDatabaseUrl } from "./support/feed-seed";

test.setTimeout(120_000);

test("subscribe: confirms through the emailed link, changes preferences, unsubscribes", async ({ page }) => {
  const email = `reader-${Date.now()}@Example.ORG`;
  await page.goto("/subscribe");
  await expect(page.getByRole("heading", { name: "Your digest last week" })).toBeVisible();
  await expect(page.getByTestId("preview-list").getByRole("listitem").first()).toBeVisible();

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Weekly").check();
  await page.getByLabel(/Keywords/).fill("zzzz-no-such-topic");
  await expect(page.getByTestId("preview-empty")).toBeVisible({ timeout: 15_000 });
  await page.getByLabel(/Keywords/).fill("");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible({ timeout: 20_000 });

  await signIn(page);
  await page.goto("/admin/mail");
  const expectedTo = email.replace("Example.ORG", "example.org");
  const row = page.getByTestId("captured-mail-row").filter({ hasText: expectedTo });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: "Confirm your paper-digest subscription" }).click();
  await expect(page.locator('iframe[sandbox=""]')).toBeVisible();
  const text = await page.getByTestId("mail-text").innerText();
  const confirmUrl = /(https?:\/\/\S+\/subscribe\/confirm\?token=\S+)/.exec(text)?.[1];
  expect(confirmUrl).toBeTruthy();

  await page.goto(confirmUrl!);
  await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "Your subscription" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("You're subscribed!")).toBeVisible();
  await expect(page.getByTestId("subscription-status")).toHaveText(/Active/);

  await page.getByLabel("Daily").check();
  await page.getByLabel(/Keywords/).fill("diffusion, agents");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved")).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByLabel("Daily")).toBeChecked();
  await expect(page.getByLabel(/Keywords/)).toHaveValue("diffusion, agents");

  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/Unsubscribed/, { timeout: 20_000 });
  // The way back is on the same page, not only through the subscribe form and a new confirmation mail.
  await page.getByRole("button", { name: "Subscribe again" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/Active/, { timeout: 20_000 });
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText(/Unsubscribed/, { timeout: 20_000 });

  await page.goto(confirmUrl!);
  await expect(page.getByRole("heading", { name: "This confirmation link does not work" })).toBeVisible();
});

test("subscribe: deleting your data from the manage page erases it and lands on the subscribe page, which says the form sends that address nothing", async ({
  page,
  baseURL,
}) => {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const email = `deleting-${Date.now()}@example.test`;
    const reader = await db.subscriber.create({ data: { email, status: "confirmed", keywords: [], categories: [], confirmedAt: new Date() } });
    await page.goto(subscriberLinks({ appUrl: baseURL!, secret: E2E_APP_SECRET, subscriberId: reader.id, now: new Date() }).manageUrl);
    await page.getByLabel("Yes, delete all my data").check();
    await page.getByRole("button", { name: "Delete all my data" }).click();
    await expect(page).toHaveURL(/\/subscribe\/deleted$/, { timeout: 20_000 });
    // Re-subscribing the deleted address answers "Check your inbox" like any other (no enumeration), and no mail ever comes.
    await expect(page.getByRole("status").filter({ hasText: "All your data was deleted" })).toContainText(
      "subscribe with another one if you want digests again",
    );
    await expect(page).toHaveTitle(/^Your data was deleted/);
    await expect(page.getByRole("heading", { name: "Your digest last week" })).toBeVisible();
    expect(await db.subscriber.count({ where: { email } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
});

test("subscribe: a tampered manage link is a friendly 404 and the mail viewer needs the admin token", async ({ page }) => {
  const response = await page.goto("/subscription/eyJzaWQiOjEsImV4cCI6OTk5OTk5OTk5OTk5OX0.forged-signature");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This subscription link does not work" })).toBeVisible();

  await clearSignInLimit();
  await page.goto("/admin/mail");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByTestId("captured-mail-row")).toHaveCount(0);
  await page.getByLabel("Admin token or password").fill("wrong-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That token or password is not right.")).toBeVisible();
});

test("subscribe: a link that does not work explains why in the page's own HTML, readable without JavaScript, with 404 or 410", async ({ request }) => {
  const expired = signSubscriberToken({ secret: E2E_APP_SECRET, purpose: "manage", subscriberId: 1, now: new Date(Date.now() - 400 * 86_400_000) });
  const cases = [
    {
      path: "/subscription/eyJzaWQiOjEsImV4cCI6OTk5OTk5OTk5OTk5OX0.forged-signature",
      status: 404,
      heading: "This subscription link does not work",
      why: "not valid",
    },
    { path: `/subscription/${expired}`, status: 410, heading: "This subscription link does not work", why: "has expired" },
    { path: "/subscribe/confirm?token=not-a-real-token-at-all", status: 404, heading: "This confirmation link does not work", why: "not valid" },
  ];
  for (const { path, status, heading, why } of cases) {
    const response = await request.get(path);
    const html = await response.text();
    expect(response.status(), path).toBe(status);
    // Server-rendered, not left to the client: Next's notFound() sent an empty <html id="__next_error__"> shell here.
    expect(html, path).not.toContain("__next_error__");
    expect(html, path).toContain(`<h1 class="text-2xl font-bold">${heading}</h1>`);
    expect(html, path).toContain(why);
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
});
