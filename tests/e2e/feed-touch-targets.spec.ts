// touch: the links of paper cards, the header and the footer are at least 24 px tall for a mouse and 44 px for a finger.
import { expect, test, type Page } from "@playwright/test";

/** Height of every visible link (and disclosure) in the paper cards, the header (its links, Subscribe and the theme) and the footer, by its text. */
async function targetHeights(page: Page) {
  await page.goto("/");
  return page
    .locator('[data-testid="paper-card"] a, [data-testid="paper-card"] summary, header a, header button, nav[aria-label="Footer"] a')
    .evaluateAll((targets) =>
      targets
        .filter((el) => el.checkVisibility())
        .map((el) => ({ text: (el.textContent ?? "").trim().slice(0, 30), height: Math.round(el.getBoundingClientRect().height * 10) / 10 })),
    );
}

test("touch: card, header and footer links are at least 24 px tall with a mouse", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const heights = await targetHeights(page);
  expect(heights.length).toBeGreaterThan(8);
  expect(heights.filter((t) => t.height < 24)).toEqual([]);
});

test("touch: card, header and footer links are at least 44 px tall on a touch screen", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
  const heights = await targetHeights(page);
  expect(heights.length).toBeGreaterThan(8);
  expect(heights.filter((t) => t.height < 44)).toEqual([]);
  await context.close();
});
