// subscribe: accessible (axe), usable at 360 px, and working without JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.setTimeout(90_000);

for (const path of ["/subscribe", "/subscribe/confirm?token=not-a-real-token-at-all", "/admin/mail"]) {
  test(`subscribe: ${path} has no axe violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("subscribe: fits a 360 px screen and the form is keyboard reachable", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/subscribe");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel("Email address").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Weekly")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByLabel("Daily")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/Keywords/)).toBeFocused();
});

test("subscribe: a rejected form has no axe violations", async ({ page }) => {
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByTestId("submit-outcome")).toBeVisible({ timeout: 20_000 });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("subscribe: the form still submits, and its outcome is on screen, focused and in the title, on a phone too", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/subscribe");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    const outcome = page.getByTestId("submit-outcome");
    await expect(outcome).toBeFocused({ timeout: 20_000 });
    await expect(outcome).toBeInViewport();
    await expect(page).toHaveTitle(/^Error: Subscribe · /);
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.org.");
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
    // The summary links each field it names to the field.
    await outcome.getByRole("link", { name: "Email address: Enter a valid email address, like name@example.org." }).click();
    await expect(page).toHaveURL(/#email$/);

    await page.getByLabel("Email address").fill(`nojs-${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(outcome).toBeFocused({ timeout: 20_000 });
    await expect(outcome).toBeInViewport();
    await expect(outcome).toHaveText(/^Check your inbox/);
    await expect(page).toHaveTitle(/^Check your inbox · /);
    await expect(page.getByLabel("Email address")).toHaveValue("");
  });
});
