// feed: scraped markup renders inert (pages and feeds), new data appears after ingestion revalidates, hidden papers vanish, pages pass axe and do not shift.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { elementsIn, htmlFieldsOf } from "../support/feed-reader";
import { seedPapers } from "./support/feed-seed";

const XSS_ID = "2611.99001";
const HIDDEN_ID = "2611.99002";
const today = new Date().toISOString().slice(0, 10);

test("feed: a paper with <script> and <img onerror> in its title and abstract renders as inert text, and appears after ingestion", async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/");
  await expect(page.getByText("<script>", { exact: false })).toHaveCount(0);
  await seedPapers(
    [
      {
        arxivId: XSS_ID,
        title: `Pwn <script>window.__pwned=1;alert("t")</script> <img src=x onerror="window.__pwned=2">`,
        abstract: `Abstract <img src=x onerror="alert('a')"><script>alert(2)</script> about zebrafish. ${"Padding words keep this abstract longer than a card excerpt. ".repeat(6)}<script>alert(3)</script> <img src=y onerror="alert('b')">`,
        authors: ["Eve <b>Mallory</b>"],
        listedOn: today,
        upvotes: 500,
      },
      { arxivId: HIDDEN_ID, title: "Zebrafish hidden takedown paper", abstract: "Zebrafish.", authors: ["Hidden Author"], listedOn: today, upvotes: 900 },
    ],
    [HIDDEN_ID],
  );
  await page.goto("/");
  const card = page.getByTestId("paper-card").filter({ hasText: "Pwn" });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading")).toContainText('<script>window.__pwned=1;alert("t")</script>');
  await expect(page.getByText("Zebrafish hidden takedown paper")).toHaveCount(0);
  await card.getByRole("link", { name: "Show full abstract" }).click();
  await expect(card.locator(".card-abstract")).toContainText(`<script>alert(3)</script> <img src=y onerror="alert('b')">`);

  await page.goto(`/papers/${XSS_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x onerror=");
  await expect(page.getByText(`Abstract <img src=x onerror="alert('a')">`)).toBeVisible();
  await page.goto(`/search?q=zebrafish`);
  await expect(page.getByTestId("paper-card")).toHaveCount(1);
  await expect(page.getByTestId("paper-card").locator("mark").first()).toHaveText(/zebrafish/i);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("main img[onerror], main script").count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect((await request.get(`/papers/${HIDDEN_ID}`)).status()).toBe(404);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(HIDDEN_ID);
  for (const [path, format] of [
    ["/feed.xml", "rss"],
    ["/atom.xml", "atom"],
    ["/feed.json", "json"],
  ] as const) {
    const body = await (await request.get(path)).text();
    expect(body).toContain(XSS_ID);
    for (const html of htmlFieldsOf(format, body)) expect(elementsIn(html), `${path}: ${html}`).toEqual([]);
  }
});

for (const path of ["/", "/papers/date/2026-06-12", "/search?q=agents"]) {
  test(`feed: axe finds no serious or critical violations on ${path} in light and dark`, async ({ page }) => {
    test.setTimeout(180_000);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    }
  });
}

test("feed: axe finds no serious or critical violations on a paper page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByTestId("paper-card").first().getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Similar papers" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("feed: the front page does not shift while it loads, and works at 360 px with a visible focus ring", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/");
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.01);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const outline = await page.getByRole("link", { name: "Skip to content" }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});
