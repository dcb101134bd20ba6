// theme: the page follows the system's dark preference with JavaScript off too, and a reader's explicit choice wins over it.
import { expect, test, type Page } from "@playwright/test";

const DARK_BACKGROUND = "rgb(11, 15, 25)";
const LIGHT_BACKGROUND = "rgb(255, 255, 255)";

const background = (page: Page) => page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);

test("theme: with JavaScript off, a dark system gets the dark page and a light one the light page", async ({ browser }) => {
  for (const [colorScheme, expected] of [
    ["dark", DARK_BACKGROUND],
    ["light", LIGHT_BACKGROUND],
  ] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
    const page = await context.newPage();
    for (const path of ["/", "/search?q=agents"]) {
      await page.goto(path);
      expect(await background(page), `${colorScheme}: ${path}`).toBe(expected);
      // A toggle that could do nothing is not offered.
      await expect(page.locator("[data-theme-toggle]")).toBeHidden();
    }
    await context.close();
  }
});

test("theme: on a dark system, choosing light with the toggle wins, and is remembered", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  const toggle = page.getByRole("button", { name: "Dark mode" });
  await page.goto("/");
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await page.reload();
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await context.close();
});

test("theme: a reader who never chose follows the system when it changes while the page is open; one who chose keeps the choice", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  const toggle = page.getByRole("button", { name: "Dark mode" });
  await page.goto("/");
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  // The toggle's icon follows the page's theme: the moon on a light page, the sun on a dark one.
  await expect(toggle.getByText("☾")).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(toggle.getByText("☀")).toBeVisible();
  await toggle.click();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  // Media query changes are reported in a later frame: two frames on, any listener has run.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await context.close();
});
