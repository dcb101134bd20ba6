// Thumbnails end to end: an ingestion run fetches each listed paper's thumbnail from a local server standing in for Hugging Face's CDN,
// stores the real images in PostgreSQL (and only those), announces once more, and /thumbnails/ serves them with immutable caching.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFetcher } from "../../src/server/fetch/fetch-url";
import { createPoliteness } from "../../src/server/fetch/host-politeness";
import { processIngestRun } from "../../src/server/ingest/process-ingest-run";
import { triggerIngest } from "../../src/server/ingest/trigger-ingest";
import { logger } from "../../src/server/logger";
import { announceFeedChange, listenForFeedChanges, type TFeedChangeListener } from "../../src/server/repo/feed-changes";
import { getPaper } from "../../src/server/repo/papers";
import { visiblePapers } from "./helpers/feed";
import { fixture, startFixtureServer, type TFixtureServer } from "../support/fixture-server";
import { JPEG_3X2, pngImage } from "../support/test-images";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
let server: TFixtureServer;
let listener: TFeedChangeListener;
const heard: string[] = [];
let route: typeof import("../../src/app/thumbnails/[file]/route");
// Silenced first: pino replaces its methods when the level changes, which would drop a spy set before.
logger.level = "silent";
const warn = vi.spyOn(logger, "warn");

const PNG = pngImage(12, 6);
/** What each paper's thumbnail URL answers, by arXiv id; a paper left out has no thumbnail in the listing. */
const THUMBS: Record<string, string> = { good: "/thumbs/good.png", missing: "/thumbs/missing.png", huge: "/thumbs/huge.png", html: "/thumbs/page.png" };
let listing: { paper: { id: string }; thumbnail?: string }[];
let thumbFor: Record<string, string> = {};

const fetcher = createFetcher({
  userAgent: "paper-digest/test",
  allowLoopback: true,
  politeness: createPoliteness(),
  sleep: async () => {},
  timeoutMs: 10_000,
});

let markers = 0;
/** The announcements made since `from`: a marker sent now arrives after every one already committed. */
async function heardSince(from: number): Promise<string[]> {
  const marker = `marker ${++markers}`;
  await announceFeedChange({ db, reason: marker });
  await expect.poll(() => heard.includes(marker), { timeout: 5_000 }).toBe(true);
  return heard.slice(from).filter((r) => !r.startsWith("marker "));
}

async function ingest() {
  const run = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-05-08" }, trigger: "test", actor: "test" });
  const done = await processIngestRun({ db, fetcher, runId: run.id, baseUrls: { "hf-daily": server.url } });
  if (!done) throw new Error("run was not processed");
  return done;
}

const paperId = async (arxivId: string) => (await db.paper.findUniqueOrThrow({ where: { arxivId }, select: { id: true } })).id;
const serve = (file: string) => route.GET(new Request(`http://app/thumbnails/${file}`), { params: Promise.resolve({ file }) });

beforeAll(async () => {
  await resetDb(db);
  Object.assign(process.env, { DATABASE_URL: testDatabaseUrl(), DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-thumbs-")), LOG_LEVEL: "silent" });
  route = await import("../../src/app/thumbnails/[file]/route");
  const items = (JSON.parse(fixture("hf/api-daily-papers-2026-05-08.json")) as typeof listing).slice(0, 5);
  const [good, missing, huge, html, none] = items.map((i) => i.paper.id);
  thumbFor = { good: good!, missing: missing!, huge: huge!, html: html!, none: none! };
  server = await startFixtureServer({
    "/api/daily_papers": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(listing)),
    "/thumbs/good.png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG),
    "/thumbs/other.jpg": (_req, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(JPEG_3X2),
    "/thumbs/huge.png": (_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(PNG.subarray(0, 33));
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024));
      res.end();
    },
    "/thumbs/page.png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end("<!doctype html><script>alert(1)</script>"),
  });
  listing = items.map((item) => {
    const kind = Object.entries(thumbFor).find(([, id]) => id === item.paper.id)![0];
    const { thumbnail: _t, ...rest } = item;
    return THUMBS[kind] ? { ...rest, thumbnail: `${server.url}${THUMBS[kind]}` } : rest;
  });
  listener = listenForFeedChanges({ connectionString: testDatabaseUrl(), onChange: (r) => heard.push(r), onLost: () => undefined });
  await listener.ready;
});
afterAll(async () => {
  await listener.stop();
  await server.close();
  await db.$disconnect();
});

describe("thumbnails", () => {
  let goodSrc = "";

  it("stores the real image, logs the 404, oversized and non-image ones in one warning, and still succeeds, announcing the thumbnails once", async () => {
    const from = heard.length;
    const run = await ingest();
    expect(run.status).toBe("succeeded");
    expect(run.timings).toMatchObject({ thumbnailsStored: 1, thumbnailsFailed: 3 });
    expect(await heardSince(from)).toEqual([`ingest run ${run.id}`, `thumbnails: ingest run ${run.id}`]);

    const stored = await db.paperThumbnail.findMany({ select: { paperId: true, contentType: true, width: true, height: true, sourceUrl: true } });
    expect(stored).toEqual([
      { paperId: await paperId(thumbFor.good!), contentType: "image/png", width: 12, height: 6, sourceUrl: `${server.url}/thumbs/good.png` },
    ]);

    const summaries = warn.mock.calls.filter(([, msg]) => msg === "3 of 4 thumbnails not stored");
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]![0] as { failed: number; failures: { url: string; err: string }[] };
    expect(summary.failed).toBe(3);
    const warned = summary.failures;
    expect(warned.map((w) => w.url).sort()).toEqual([`${server.url}/thumbs/huge.png`, `${server.url}/thumbs/missing.png`, `${server.url}/thumbs/page.png`]);
    expect(warned.find((w) => w.url.endsWith("missing.png"))?.err).toMatch(/HTTP 404/);
    expect(warned.find((w) => w.url.endsWith("huge.png"))?.err).toMatch(/larger than 2097152 bytes/);
    expect(warned.find((w) => w.url.endsWith("page.png"))?.err).toMatch(/not a JPEG, PNG, WebP or GIF/);
  });

  it("carries each listed paper's thumbnail URL and size in the feed read, and null (the placeholder) for the others", async () => {
    const papers = await visiblePapers(db);
    const byArxiv = new Map(papers.map((p) => [p.arxivId, p.thumbnail]));
    const good = byArxiv.get(thumbFor.good!);
    expect(good).toEqual({ src: expect.stringMatching(new RegExp(`^/thumbnails/${await paperId(thumbFor.good!)}-[0-9a-f]{16}\\.png$`)), width: 12, height: 6 });
    goodSrc = good!.src;
    for (const kind of ["missing", "huge", "html", "none"]) expect(byArxiv.get(thumbFor[kind]!), kind).toBeNull();
    expect((await getPaper({ db, key: { arxivId: thumbFor.good! } }))?.thumbnail).toEqual(good);
  });

  it("serves the stored bytes with their type, immutable caching and nosniff", async () => {
    const res = await serve(goodSrc.replace("/thumbnails/", ""));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers 404, never 500, for a wrong hash, a wrong extension, an unknown paper or a malformed name", async () => {
    const file = goodSrc.replace("/thumbnails/", "");
    const id = file.split("-")[0];
    for (const bad of [
      `${id}-ffffffffffffffff.png`,
      file.replace(".png", ".jpg"),
      `${await paperId(thumbFor.missing!)}-${file.split("-")[1]}`,
      `999999-${file.split("-")[1]}`,
      "99999999999-0123456789abcdef.png",
      "..%2F..%2Fetc%2Fpasswd",
      "x".repeat(500),
      "",
    ]) {
      const res = await serve(bad);
      expect([400, 404], bad).toContain(res.status);
    }
  });

  it("fetches again only what is missing or whose URL changed; the old URL then answers 404", async () => {
    const requests = () => server.requests.filter((r) => r.path.startsWith("/thumbs/")).map((r) => r.path);
    const before = requests().length;
    let from = heard.length;
    const again = await ingest();
    expect(again.status).toBe("succeeded");
    expect(requests().slice(before).sort()).toEqual(["/thumbs/huge.png", "/thumbs/missing.png", "/thumbs/page.png"]);
    expect(await heardSince(from)).toEqual([]);

    listing = listing.map((item) => (item.paper.id === thumbFor.good ? { ...item, thumbnail: `${server.url}/thumbs/other.jpg` } : item));
    from = heard.length;
    const changed = await ingest();
    expect(changed.timings).toMatchObject({ thumbnailsStored: 1 });
    expect(await heardSince(from)).toEqual([`ingest run ${changed.id}`, `thumbnails: ingest run ${changed.id}`]);
    const paper = await getPaper({ db, key: { arxivId: thumbFor.good! } });
    expect(paper?.thumbnail).toMatchObject({ width: 3, height: 2, src: expect.stringMatching(/\.jpg$/) });
    expect((await serve(goodSrc.replace("/thumbnails/", ""))).status).toBe(404);
    const res = await serve(paper!.thumbnail!.src.replace("/thumbnails/", ""));
    expect(res.headers.get("content-type")).toBe("image/jpeg");
  });

  it("a pasted listing fetches nothing, thumbnails neither", async () => {
    const before = server.requests.length;
    const run = await triggerIngest({ db, source: "hf-daily", params: { body: JSON.stringify(listing) }, trigger: "test", actor: "test" });
    const done = await processIngestRun({ db, fetcher, runId: run.id });
    expect(done?.status).toBe("succeeded");
    expect(done?.timings.thumbnailsStored).toBeUndefined();
    expect(server.requests.length).toBe(before);
  });

  it("stops serving a hidden paper's thumbnail, and drops it with its paper", async () => {
    const id = await paperId(thumbFor.good!);
    const src = (await getPaper({ db, key: { arxivId: thumbFor.good! } }))!.thumbnail!.src.replace("/thumbnails/", "");
    await db.paper.update({ where: { id }, data: { hidden: true } });
    expect((await serve(src)).status).toBe(404);
    await db.paper.delete({ where: { id } });
    expect(await db.paperThumbnail.count({ where: { paperId: id } })).toBe(0);
  });
});
