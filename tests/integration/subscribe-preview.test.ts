// subscribe: the "your digest last week" preview over the demo papers, through the server function (the cached pages that show it,
// one per set of interests, are read in tests/e2e/subscribe-cache.spec.ts).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/ingest/seed-demo";
import { previewWeekFor } from "../../src/server/digest/preview-digest";
import { ZInterests, previewQueryToInterests } from "../../src/server/subscriptions/subscription-input";
import { ROOT } from "./helpers/run-script";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-11-27T10:00:00Z");
let dataDir: string;

beforeAll(async () => {
  await resetDb(db);
  await seedDemo({ db, samplesDir: path.join(ROOT, "samples"), clock: () => now });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-preview-"));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    APP_SECRET: "preview-secret-0123456789",
    ADMIN_TOKEN: "admin-token-0123456789",
    CRON_SECRET: "cron-secret-0123456789",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

/** The subscribe page's preview for form-like interests, as the server function parses them. */
const previewDigest = (opts: { interests: Record<string, string>; limit?: number }) =>
  previewWeekFor({ db, interests: ZInterests.parse(opts.interests), now, limit: opts.limit ?? 8 });

describe("the subscribe page's preview", () => {
  it("ends the week at the newest paper when the feed is older than a week, and ranks what matches", async () => {
    const newest = await db.paper.findFirstOrThrow({ orderBy: { listedOn: "desc" } });
    const preview = await previewDigest({ interests: {} });
    expect(preview.to).toBe(newest.listedOn.toISOString().slice(0, 10));
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.items.every((i) => i.listedOn >= preview.from && i.listedOn <= preview.to)).toBe(true);
    expect(preview.items.every((i) => i.why === "Trending")).toBe(true);
  });

  it("names the days its papers were listed on as the digest would, or with none, the days it looked at", async () => {
    // The demo's newest listing is Friday 12 June 2026; the preview's week ends there.
    const preview = await previewDigest({ interests: {} });
    expect(preview.items.every((i) => i.listedOn === "2026-06-12")).toBe(true);
    expect(preview).toMatchObject({ from: "2026-06-12", to: "2026-06-12", label: "Fri 12 Jun 2026" });
    const nothing = await previewDigest({ interests: { keywords: "qqqq-nothing-matches" } });
    expect(nothing).toMatchObject({ items: [], from: "2026-06-05", to: "2026-06-12", label: "5–12 Jun 2026" });
  });

  it("follows the interests: code only, minimum upvotes, and keywords", async () => {
    const all = await previewDigest({ interests: {}, limit: 100 });
    const strict = await previewDigest({ interests: { onlyWithCode: "on", minUpvotes: "20" }, limit: 100 });
    expect(strict.items.length).toBeGreaterThan(0);
    expect(strict.items.length).toBeLessThan(all.items.length);
    for (const item of strict.items) {
      expect(item.upvotes).toBeGreaterThanOrEqual(20);
      const paper = await db.paper.findFirstOrThrow({ where: { title: item.title } });
      expect(paper.githubUrl).toBeTruthy();
    }
    const word = (await previewDigest({ interests: {} })).items[0]!.title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    const matched = await previewDigest({ interests: { keywords: word } });
    expect(matched.items.length).toBeGreaterThan(0);
    expect(matched.items[0]!.why).toContain(`"${word}"`);
    expect((await previewDigest({ interests: { keywords: "qqqq-nothing-matches" } })).items).toEqual([]);
  });

  it("leaves out what the reader never wants to see, from the form's query string (never=)", async () => {
    const all = await previewDigest({ interests: {}, limit: 100 });
    const first = all.items[0]!.title;
    const word = first.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    const without = await previewDigest({ interests: previewQueryToInterests(new URLSearchParams({ never: word })), limit: 100 });
    expect(without.items.length).toBeGreaterThan(0);
    expect(without.items.map((i) => i.title)).not.toContain(first);
  });
});
