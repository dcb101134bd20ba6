// feed: thumbnails come from our own origin with their size reserved, a paper without one shows its placeholder, and an image that
// fails to load leaves the placeholder visible instead of a broken-image box.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { startFixtureServer, type TFixtureServer } from "../support/fixture-server";
import { pngImage } from "../support/test-images";
import { e2eDatabaseUrl, seedPapers } from "./support/feed-seed";
import { createDb } from "../../src/server/db";
import { announceFeedChange } from "../../src/server/repo/feed-changes";

const WITH_ID = "2611.98001";
const WITHOUT_ID = "2611.98002";
const today = new Date().toISOString().slice(0, 10);

/** Where Chrome draws its broken-image icon (16 px near the top-left corner), inside the box's rounded corner; the label never reaches it. */
const ICON_AREA = { from: 4, to: 24 };
/** Two renderings of the same gradient differ by a level or two at most; the icon differs by far more. */
const PIXEL_TOLERANCE = 6;

/** The largest difference of any colour channel where the icon would be in two same-sized screenshots, decoded by the browser. */
async function cornerDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second, area]) => {
      const pixels = async (base64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${base64}`;
        await img.decode();
        const canvas = Object.assign(document.createElement("canvas"), { width: img.width, height: img.height });
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0);
        return context.getImageData(area.from, area.from, area.to - area.from, area.to - area.from).data;
      };
      const [x, y] = [await pixels(first), await pixels(second)];
      let largest = 0;
      for (let i = 0; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]! - y[i]!));
      return largest;
    },
    [a.toString("base64"), b.toString("base64"), ICON_AREA] as const,
  );
}

let cdn: TFixtureServer;
test.beforeAll(async () => {
  cdn = await startFixtureServer({ "/thumb.png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(pngImage(240, 135, [40, 90, 200])) });
});
test.afterAll(() => cdn.close());

const imageState = (img: Locator) =>
  img.evaluate((el: HTMLImageElement) => ({ complete: el.complete, naturalWidth: el.naturalWidth, src: el.getAttribute("src") ?? "" }));

test.describe.configure({ mode: "serial" });

test("feed: a card shows its stored thumbnail from /thumbnails/, a card without one its placeholder, and no image breaks", async ({ page, request }) => {
  await seedPapers(
    [
      {
        arxivId: WITH_ID,
        title: "Thumbnailed zebrafish survey",
        abstract: "Zebrafish.",
        authors: ["Ada"],
        listedOn: today,
        upvotes: 4000,
        categories: ["cs.CV"],
        thumbnailUrl: `${cdn.url}/thumb.png`,
      },
      {
        arxivId: WITHOUT_ID,
        title: "Placeholder zebrafish survey",
        abstract: "Zebrafish.",
        authors: ["Bo"],
        listedOn: today,
        upvotes: 3900,
        categories: ["cs.CL"],
      },
    ],
    [],
    { thumbnails: true },
  );
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto("/");

  const withThumb = page.getByTestId("paper-card").filter({ hasText: "Thumbnailed zebrafish survey" });
  const img = withThumb.locator("img");
  await expect(img).toHaveCount(1);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await imageState(img)).naturalWidth).toBe(240);
  const src = (await imageState(img)).src;
  expect(src).toMatch(/^\/thumbnails\/\d+-[0-9a-f]{16}\.png$/);
  await expect(img).toHaveAttribute("width", "240");
  await expect(img).toHaveAttribute("height", "135");
  await expect(img).toHaveAttribute("loading", "lazy");
  const served = await request.get(src);
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(served.headers()["content-type"]).toBe("image/png");

  const without = page.getByTestId("paper-card").filter({ hasText: "Placeholder zebrafish survey" });
  await expect(without.locator("img")).toHaveCount(0);
  await expect(without.getByTestId("paper-thumbnail")).toBeVisible();
  await expect(without.getByTestId("paper-thumbnail")).toHaveText("cs.CL");
  // The placeholder is drawn: a tinted gradient and a coloured label.
  const drawn = await without.getByTestId("paper-thumbnail").evaluate((el) => ({ bg: getComputedStyle(el).backgroundImage, ink: getComputedStyle(el).color }));
  expect(drawn.bg).toMatch(/^linear-gradient\(to right bottom, \w+\(.+\), \w+\(.+\)\)$/);
  expect(drawn.ink).not.toBe("rgb(0, 0, 0)");

  // Every image on the page loaded: none is a broken-image box.
  const broken = await page
    .locator("img")
    .evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src));
  expect(broken).toEqual([]);

  await page.goto(`/papers/${WITH_ID}`);
  await expect.poll(async () => (await imageState(page.getByTestId("paper-thumbnail").locator("img"))).naturalWidth).toBe(240);
});

test("feed: when a thumbnail fails to load, its card shows the placeholder and draws no broken image", async ({ page, request }) => {
  // A cached page naming a thumbnail that is gone: the page is cached (fetched outside the browser, whose own cache would keep the
  // image), then the row is deleted behind the cache's back, with no announcement.
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    expect(await (await request.get("/")).text()).toContain("Thumbnailed zebrafish survey");
    await db.paperThumbnail.deleteMany({ where: { paper: { arxivId: WITH_ID } } });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto("/");
    const card = page.getByTestId("paper-card").filter({ hasText: "Thumbnailed zebrafish survey" });
    const img = card.locator("img");
    await expect(img).toHaveCount(1);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await imageState(img)).complete).toBe(true);
    expect((await imageState(img)).naturalWidth).toBe(0);
    const thumb = card.getByTestId("paper-thumbnail");
    await expect(thumb).toBeVisible();
    await expect(thumb.locator(".thumb-label")).toHaveText("cs.CV");
    expect(await thumb.boundingBox()).toMatchObject({ width: 120, height: 68 });
    // The failed image looks exactly like the placeholder the page shows once the change is announced.
    const failed = await thumb.screenshot({ path: test.info().outputPath("failed-thumbnail.png") });
    await announceFeedChange({ db, reason: "e2e: thumbnail removed" });
    await expect.poll(async () => (await page.reload(), await card.locator("img").count())).toBe(0);
    const placeholder = await card.getByTestId("paper-thumbnail").screenshot({ path: test.info().outputPath("placeholder.png") });
    expect(await cornerDifference(page, failed, placeholder)).toBeLessThanOrEqual(PIXEL_TOLERANCE);
  } finally {
    await db.$disconnect();
  }
});
