// Ingestion runs end to end: trigger → fetch from a local fixture server → parse → write, with counts, errors, 409s and bad input.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/server/errors/app-error";
import { createFetcher } from "../../src/server/fetch/fetch-url";
import { createPoliteness } from "../../src/server/fetch/host-politeness";
import type { TIngestParams } from "../../src/server/ingest/ingest-params";
import { processIngestRun } from "../../src/server/ingest/process-ingest-run";
import { triggerIngest } from "../../src/server/ingest/trigger-ingest";
import type { TSourceId } from "../../src/core/sources";
import { fixture, startFixtureServer, type TFixtureServer } from "../support/fixture-server";
import { announceFeedChange, listenForFeedChanges, type TFeedChangeListener } from "../../src/server/repo/feed-changes";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
let server: TFixtureServer;
/** Feed-change announcements heard over PostgreSQL, as every web process hears them, but the test's own markers. */
let announcements = 0;
const markersHeard = new Set<string>();
const lostListener: unknown[] = [];
let listener: TFeedChangeListener;

let markers = 0;
/** How many announcements a run made: a marker sent now arrives after every one the run committed, so once it is heard the count is final. */
async function announcedSince(before: number): Promise<number> {
  const marker = `test marker ${++markers}`;
  await announceFeedChange({ db, reason: marker });
  await expect.poll(() => markersHeard.has(marker), { timeout: 5_000 }).toBe(true);
  return announcements - before;
}
const now = new Date("2026-08-01T12:00:00Z");
const daily = fixture("hf/api-daily-papers-2026-05-08.json");
const list = fixture("arxiv/list-cs.CL-recent-2026-07-28.html");
const JSON_TYPE = "application/json; charset=utf-8";

const fetcher = createFetcher({
  userAgent: "paper-digest/test (+http://test)",
  allowLoopback: true,
  politeness: createPoliteness(),
  sleep: async () => {},
  timeoutMs: 10_000,
});

async function ingest(source: TSourceId, params: TIngestParams = {}) {
  const run = await triggerIngest({ db, source, params, trigger: "test", actor: "test", now });
  const done = await processIngestRun({
    db,
    fetcher,
    runId: run.id,
    clock: () => now,
    baseUrls: Object.fromEntries(["hf-daily", "hf-page", "arxiv-list", "arxiv-rss", "arxiv-api"].map((s) => [s, server.url])),
  });
  if (!done) throw new Error("run was not processed");
  return done;
}

const allPapers = () => db.paper.findMany({ orderBy: { id: "asc" } });

beforeAll(async () => {
  listener = listenForFeedChanges({
    connectionString: testDatabaseUrl(),
    onChange: (reason) => void (reason.startsWith("test marker") ? markersHeard.add(reason) : announcements++),
    onLost: (err) => void lostListener.push(err),
  });
  await listener.ready;
  const oneBadItem = JSON.parse(daily) as { paper: { id?: string } }[];
  delete oneBadItem[3]!.paper.id;
  server = await startFixtureServer({
    "/api/daily_papers": { body: daily, type: JSON_TYPE, headers: { etag: '"daily-v1"' } },
    "/papers/date/2024-08-01": { file: "hf/daily-page-2024-08-01.html", type: "text/html; charset=utf-8" },
    "/list/cs.CL/recent": { body: list, type: "text/html" },
    "/rss/stat": { file: "arxiv/rss-stat-2024-03-26.xml", type: "application/rss+xml" },
    "/rss/cs.CL": { file: "arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml", type: "application/rss+xml" },
    "/api/query": (req, res) => {
      const start = new URL(req.url!, "http://x").searchParams.get("start");
      const file =
        { "0": "arxiv/api-cat-cs.AI-LG-2026-07-13.atom.xml", "100": "arxiv/api-2016-au-del-maestro.atom.xml" }[start ?? ""] ??
        "arxiv/api-empty-result.atom.xml";
      res.writeHead(200, { "content-type": "application/atom+xml" }).end(fixture(file));
    },
    "/bad/one-bad-item.json": { body: JSON.stringify(oneBadItem), type: JSON_TYPE },
    "/bad/truncated.json": { body: daily, type: JSON_TYPE, truncate: true },
    "/bad/cut-short.json": { body: daily.slice(0, daily.length / 2), type: JSON_TYPE },
    "/bad/not-json": { body: "<html><body>Sign in</body></html>", type: "text/html" },
    "/bad/garbage.xml": { body: "<rss><channel><item><title>unclosed", type: "application/rss+xml" },
    "/bad/changed-list": { body: list.replace(/<dt>[\s\S]*?<\/dd>/g, ""), type: "text/html" },
    "/bad/slow": { body: daily, type: JSON_TYPE, delayMs: 30_000 },
  });
});
beforeEach(async () => {
  await resetDb(db);
  announcements = 0;
});
afterAll(async () => {
  await listener.stop();
  expect(lostListener).toEqual([]);
  await server.close();
  await db.$disconnect();
});

describe("ingestion runs", () => {
  it("hf-daily: fetches the planned URL, stores every paper, records counts and timings, rescoring and announcing the change", async () => {
    const run = await ingest("hf-daily", { date: "2026-05-08" });
    expect(run).toMatchObject({
      status: "succeeded",
      reason: null,
      counts: { found: 37, expected: 37, inserted: 37, updated: 0, unchanged: 0, skipped: 0 },
      newestListedOn: "2026-05-08",
    });
    expect(run.timings).toMatchObject({ pagesDone: 1 });
    expect(run.timings.totalMs).toBeGreaterThanOrEqual(0);
    expect(server.requests.at(-1)!.path).toBe("/api/daily_papers?date=2026-05-08&limit=100");
    expect(await db.paper.count()).toBe(37);
    expect(await db.paper.count({ where: { trendingScore: { lte: 0 } } })).toBe(0);
    expect(await announcedSince(0)).toBe(1);
  });

  it("an identical re-run writes nothing and answers 304 as 'nothing to do' once validators are stored", async () => {
    await ingest("hf-daily", { date: "2026-05-08" });
    const before = await allPapers();
    await db.fetchCache.deleteMany();
    const again = await ingest("hf-daily", { date: "2026-05-08" });
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 37 });
    expect(await announcedSince(0)).toBe(1);
    expect(await allPapers()).toEqual(before);
  });

  it("sends If-None-Match from the last successful run; a 304 ends the run as unchanged", async () => {
    const conditional = await startFixtureServer({
      "/api/daily_papers": (req, res) => {
        if (req.headers["if-none-match"] === '"v7"') return void res.writeHead(304).end();
        res.writeHead(200, { "content-type": JSON_TYPE, etag: '"v7"' }).end(daily);
      },
    });
    try {
      const url = `${conditional.url}/api/daily_papers`;
      expect((await ingest("hf-daily", { url })).counts.inserted).toBe(37);
      const second = await ingest("hf-daily", { url });
      expect(conditional.requests.at(-1)!.headers["if-none-match"]).toBe('"v7"');
      expect(second).toMatchObject({ status: "succeeded", reason: expect.stringMatching(/unchanged .*304.*nothing to do/), counts: { found: 0, inserted: 0 } });
    } finally {
      await conditional.close();
    }
  });

  it("hf-page, arxiv-list and arxiv-rss store their listings", async () => {
    expect(await ingest("hf-page", { date: "2024-08-01" })).toMatchObject({ status: "succeeded", counts: { found: 13, inserted: 13 } });
    expect(await ingest("arxiv-list", { category: "cs.CL", listing: "recent" })).toMatchObject({ status: "succeeded", counts: { found: 50, expected: 50 } });
    expect(await ingest("arxiv-rss", { category: "stat" })).toMatchObject({ status: "succeeded", counts: { found: 123, expected: 123 } });
    const stat = await db.paper.findMany({ where: { sources: { has: "arxiv-rss" } }, select: { announceType: true } });
    expect(stat.filter((p) => p.announceType === "replace-cross")).toHaveLength(20);
  });

  it("a feed with no items is a quiet day: succeeded, nothing written", async () => {
    const run = await ingest("arxiv-rss", { category: "cs.CL" });
    expect(run).toMatchObject({ status: "succeeded", reason: "no papers listed (a quiet day)", counts: { found: 0, inserted: 0 } });
    expect(await announcedSince(0)).toBe(0);
  });

  it("arxiv-api pages through results while the stated total says there are more", async () => {
    const run = await ingest("arxiv-api", { category: "cs.AI" });
    expect(run).toMatchObject({ status: "succeeded", counts: { found: 60, expected: 60, inserted: 60 }, timings: { pagesDone: 2 } });
    const queries = server.requests.filter((r) => r.path.startsWith("/api/query")).map((r) => new URL(r.path, "http://x").searchParams);
    expect(queries.map((q) => q.get("start"))).toEqual(["0", "100"]);
    expect(queries[0]!.get("search_query")).toBe("cat:cs.AI");
  });

  it("the text source is ingested from a pasted body", async () => {
    const body = "Mar 12\n\nA Study of Cats\nWe study cats at scale. Code: github.com/cats/study.\n\nDogs Are Fine Too\nA sequel about dogs.\n";
    const run = await ingest("text", { body });
    expect(run.status).toBe("succeeded");
    expect(run.params).toMatchObject({ bodyChars: body.length });
    expect(run.params).not.toHaveProperty("body");
    // Two entries, each a title with a one-sentence abstract: both become papers, none is dropped silently.
    expect(run.counts).toMatchObject({ found: 2, inserted: 2 });
    expect((await db.paper.findMany({ where: { arxivId: null }, orderBy: { id: "asc" } })).map((p) => p.title)).toEqual([
      "A Study of Cats",
      "Dogs Are Fine Too",
    ]);
  });

  it("one bad item among good ones is skipped with its error; the rest are kept (partial)", async () => {
    const run = await ingest("hf-daily", { url: `${server.url}/bad/one-bad-item.json` });
    expect(run).toMatchObject({ status: "partial", counts: { found: 36, skipped: 1, inserted: 36 } });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.message).toBeTruthy();
    expect(await db.paper.count()).toBe(36);
  });

  describe("bad input fails the run with a clear reason and loses nothing", () => {
    beforeEach(async () => {
      await ingest("hf-daily", { date: "2026-05-08" });
      await ingest("arxiv-list", { category: "cs.CL", listing: "recent" });
    });

    it.each([
      ["hf-daily", "/bad/truncated.json", /truncated/],
      ["hf-daily", "/bad/cut-short.json", /./],
      ["hf-daily", "/bad/not-json", /wrong content type .*text\/html/],
      ["hf-daily", "/missing", /HTTP 404/],
      ["arxiv-rss", "/bad/garbage.xml", /./],
      ["arxiv-list", "/bad/changed-list", /format changed\?/],
    ] as const)("%s %s", async (source, path, reason) => {
      const before = await allPapers();
      const run = await ingest(source, { url: `${server.url}${path}` });
      expect(run.status).toBe("failed");
      expect(run.reason).toMatch(reason);
      expect(run.counts).toMatchObject({ inserted: 0, updated: 0 });
      expect(await allPapers()).toEqual(before);
    });
  });

  it("a second trigger of the same source and parameters gets CONFLICT with the active run's id", async () => {
    const first = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-05-08" }, trigger: "test", actor: "a" });
    const second = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-05-08" }, trigger: "test", actor: "b" }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect(second).toMatchObject({ code: "CONFLICT", details: { runId: first.id } });
    const other = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-05-09" }, trigger: "test", actor: "a" });
    expect(other.id).not.toBe(first.id);
    const concurrent = await Promise.allSettled(
      Array.from({ length: 5 }, () => triggerIngest({ db, source: "arxiv-rss", params: { category: "cs.LG" }, trigger: "test", actor: "c" })),
    );
    expect(concurrent.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.ingestRun.count({ where: { source: "arxiv-rss" } })).toBe(1);
  });

  it("refuses parameters a source cannot fetch before creating a run", async () => {
    await expect(triggerIngest({ db, source: "arxiv-rss", params: {}, trigger: "test", actor: "a" })).rejects.toThrow(/needs a category/);
    await expect(triggerIngest({ db, source: "text", params: {}, trigger: "test", actor: "a" })).rejects.toThrow(/pasted/);
    await expect(triggerIngest({ db, source: "hf-daily", params: { date: "2026-05-08", week: "2026-W19" }, trigger: "test", actor: "a" })).rejects.toThrow(
      /at most one/,
    );
    await expect(triggerIngest({ db, source: "hf-daily", params: { url: "https://evil.example.com/x" }, trigger: "test", actor: "a" })).resolves.toBeTruthy();
    expect(await db.ingestRun.count()).toBe(1);
  });

  it("a refused URL fails its run without fetching", async () => {
    const before = server.requests.length;
    const run = await ingest("hf-daily", { url: "https://evil.example.com/x" });
    expect(run).toMatchObject({ status: "failed", reason: expect.stringMatching(/not allow-listed/) });
    expect(server.requests.length).toBe(before);
  });
});
