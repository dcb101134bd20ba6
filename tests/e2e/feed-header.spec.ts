// header: the keyboard meets the header's controls in the order the eye reads them (rows top to bottom, each left to right), at every width.
import { expect, test } from "@playwright/test";

const READING_ORDER = ["paperdigest", "Subscribe", "theme", "Trending", "Daily", "Weekly", "Monthly", "#site-search"];

for (const width of [360, 700, 1280]) {
  test(`header: tab order follows the visual order at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    const stops: { label: string; x: number; y: number; right: number; bottom: number }[] = [];
    for (let i = 0; i < READING_ORDER.length; i += 1) {
      await page.keyboard.press("Tab");
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          const label = el.matches("[data-theme-toggle]") ? "theme" : el.id ? `#${el.id}` : (el.textContent ?? "").trim();
          return { label, x: box.left, y: box.top, right: box.right, bottom: box.bottom };
        }),
      );
    }
    expect(stops.map((s) => s.label)).toEqual(READING_ORDER);
    // Each stop is right of the one before on the same row, or on a row below it.
    for (let i = 1; i < stops.length; i += 1) {
      const [before, stop] = [stops[i - 1]!, stops[i]!];
      const sameRow = stop.y < before.bottom && before.y < stop.bottom;
      const where = `${before.label} → ${stop.label}`;
      if (sameRow) expect(stop.x, where).toBeGreaterThanOrEqual(before.right);
      else expect(stop.y, where).toBeGreaterThanOrEqual(before.bottom);
    }
  });
}
