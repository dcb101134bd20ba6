// Overlapping ingestion runs on one database: every run succeeds, each paper stays one row with every source, and the newest metrics win.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { refreshSimilarPapers } from "../../src/server/feed/refresh-similar";
import { logger } from "../../src/server/logger";
import { createDb } from "../../src/server/db";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { fixture } from "../support/fixture-server";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { cleanEnv, runScript } from "./helpers/run-script";

const db = testDb();
const t0 = new Date("2026-05-08T08:00:00Z");
const t1 = new Date("2026-05-08T10:00:00Z");
const t2 = new Date("2026-05-08T11:00:00Z");

const arxivId = (i: number) => `2605.${10000 + i}`;
const paper = (i: number, extra: Partial<TIncomingPaper> = {}): TIncomingPaper => ({
  arxivId: arxivId(i),
  titleKey: `paper ${i}`,
  title: `Paper ${i}`,
  abstract: `Abstract ${i}.`,
  authors: ["Ann Lee"],
  listedOn: "2026-05-08",
  ...extra,
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/**
 * 0–59 are stored (arxiv-rss, no metrics). hf-daily, read at t1, lists 0–89; hf-page, read an hour later, lists 30–119.
 * So 30–59 are stored papers both update, 60–89 new papers both insert, and the hf-page counts are the newest for 30–119.
 */
const seed = () => upsertPapers({ db, source: "arxiv-rss", now: t0, papers: range(0, 60).map((i) => paper(i)) });
const hfDaily = () => upsertPapers({ db, source: "hf-daily", now: t1, papers: range(0, 90).map((i) => paper(i, { upvotes: i, githubStars: 1000 + i })) });
const hfPage = () => upsertPapers({ db, source: "hf-page", now: t2, papers: range(30, 120).map((i) => paper(i, { upvotes: i + 100, githubStars: 2000 + i })) });

async function expectMergedListings(results: { inserted: number }[]) {
  const rows = await db.paper.findMany({ orderBy: { arxivId: "asc" }, select: { arxivId: true, sources: true, upvotes: true, githubStars: true } });
  expect(rows.map((r) => r.arxivId)).toEqual(range(0, 120).map(arxivId));
  expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(60);
  rows.forEach((row, i) => {
    const sources = [...(i < 60 ? ["arxiv-rss"] : []), ...(i < 90 ? ["hf-daily"] : []), ...(i >= 30 ? ["hf-page"] : [])];
    expect({ i, sources: [...row.sources].sort() }).toEqual({ i, sources: sources.sort() });
    expect({ i, upvotes: row.upvotes, githubStars: row.githubStars }).toEqual(
      i < 30 ? { i, upvotes: i, githubStars: 1000 + i } : { i, upvotes: i + 100, githubStars: 2000 + i },
    );
  });
  // Every run's reading is kept in the history at its own time, whichever run committed last.
  expect(await db.paperMetric.count({ where: { capturedAt: t1, source: "hf-daily" } })).toBe(90);
  expect(await db.paperMetric.count({ where: { capturedAt: t2, source: "hf-page" } })).toBe(90);
}

/** Takes a lock in a transaction of its own and holds it until `release`. */
async function hold(lockStatement: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query("BEGIN");
  await client.query(lockStatement);
  return {
    /** Resolves once `n` other sessions are waiting for a lock, or when `settled` does (a run failed before writing). */
    waitForBlocked: async (n: number, settled: Promise<unknown>) => {
      let done = false;
      void settled.finally(() => (done = true));
      for (let i = 0; i < 2400 && !done; i++) {
        // Asked on another connection: inside the holding transaction pg_stat_activity would stay the snapshot of its first read.
        const [waiting] = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (waiting!.n >= n) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!done) throw new Error(`fewer than ${n} sessions ever waited for a lock`);
    },
    /** Takes one more lock in the same transaction. */
    lock: (statement: string) => client.query(statement),
    /** This session's server process (PostgreSQL runs on this machine in CI and with the embedded default). */
    pid: async () => (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid,
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/**
 * The deadlock tests' two sides, so PostgreSQL picks the run to fail, as the tests mean, however slow the machine. Each waiting session
 * checks for a deadlock once, deadlock_timeout after it began to wait: with the default 1 s on both, a busy machine could take longer
 * than that to form the cycle after the run began waiting, and the run's one check found none; the other writer's then failed the other
 * writer instead (CI saw it). The run checks after 5 s here, long after the cycle exists, and the other writer not for 60 s.
 */
const runDb = createDb(`${testDatabaseUrl()}${testDatabaseUrl().includes("?") ? "&" : "?"}options=${encodeURIComponent("-c deadlock_timeout=5s")}`, { max: 2 });
const OTHER_WRITER_TIMEOUT = "SET LOCAL deadlock_timeout = '60s'";

/** Holds back every write to `papers` (reads and row locks still pass), so both runs get as far as they can before either writes. */
const holdWrites = () => hold("LOCK TABLE papers IN SHARE ROW EXCLUSIVE MODE");

beforeEach(() => resetDb(db));
afterAll(() => Promise.all([db.$disconnect(), runDb.$disconnect()]));

describe("overlapping ingestion runs", () => {
  it("two runs sharing papers, started at once, both succeed: one row per paper, every source, the newest metrics", async () => {
    await seed();
    await expectMergedListings(await Promise.all([hfDaily(), hfPage()]));
  });

  it("the same, when both runs have started before either writes", async () => {
    await seed();
    const gate = await holdWrites();
    const runs = Promise.allSettled([hfDaily(), hfPage()]);
    await gate.waitForBlocked(2, runs).finally(gate.release);
    const results = await runs;
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    await expectMergedListings(results.map((r) => (r as PromiseFulfilledResult<{ inserted: number }>).value));
  });

  it("a title-only listing and the arXiv listing of the same paper, written at once, become one paper", async () => {
    const titleOnly = { ...paper(1), arxivId: null };
    const gate = await holdWrites();
    const runs = Promise.allSettled([
      upsertPapers({ db, source: "text", now: t1, papers: [titleOnly] }),
      upsertPapers({ db, source: "hf-daily", now: t1, papers: [paper(1, { upvotes: 3 })] }),
    ]);
    await gate.waitForBlocked(2, runs).finally(gate.release);
    expect((await runs).map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const rows = await db.paper.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ arxivId: arxivId(1), upvotes: 3 });
    expect([...rows[0]!.sources].sort()).toEqual(["hf-daily", "text"]);
  });

  it("a title-only paper whose arXiv id another run has just inserted: the listing merges into that run's paper instead", async () => {
    const [stored] = (await upsertPapers({ db, source: "text", now: t0, papers: [{ ...paper(1), arxivId: null }] })).paperIds;
    // hf-daily matches the title-only row by title and waits for its lock; meanwhile hf-page, under a revised title, inserts the arXiv id.
    const gate = await hold(`SELECT 1 FROM papers WHERE id = ${stored} FOR UPDATE`);
    const daily = upsertPapers({ db, source: "hf-daily", now: t1, papers: [paper(1, { upvotes: 3 })] }).catch((err: unknown) => err);
    await gate.waitForBlocked(1, daily).finally(async () => {
      await upsertPapers({ db, source: "hf-page", now: t2, papers: [paper(1, { title: "Paper 1 (revised)", titleKey: "paper 1 revised", upvotes: 5 })] });
      await gate.release();
    });
    expect(await daily).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await db.paper.findMany({ orderBy: { id: "asc" }, select: { arxivId: true, sources: true, upvotes: true, title: true } });
    expect(rows).toEqual([
      { arxivId: null, sources: ["text"], upvotes: 0, title: "Paper 1" },
      { arxivId: arxivId(1), sources: ["hf-page", "hf-daily"], upvotes: 5, title: "Paper 1" },
    ]);
  });

  it("a run caught in a deadlock with another writer gives way and merges again", async () => {
    const [first, second] = (await upsertPapers({ db, source: "arxiv-rss", now: t0, papers: [paper(1), paper(2)] })).paperIds;
    // The run locks the first paper and waits for the second; the other writer, holding the second, then asks for the first.
    const other = await hold(`SELECT 1 FROM papers WHERE id = ${second} FOR UPDATE`);
    await other.lock(OTHER_WRITER_TIMEOUT);
    const run = upsertPapers({ db: runDb, source: "hf-daily", now: t1, papers: [paper(1, { upvotes: 4 }), paper(2, { upvotes: 6 })] }).catch(
      (err: unknown) => err,
    );
    await other.waitForBlocked(1, run);
    // PostgreSQL breaks the cycle by failing whichever waiter checks first: the run (runDb).
    await other.lock(`SELECT 1 FROM papers WHERE id = ${first} FOR UPDATE`);
    await other.release();
    expect(await run).toMatchObject({ inserted: 0, updated: 2 });
    const rows = await db.paper.findMany({ orderBy: { id: "asc" }, select: { upvotes: true, sources: true } });
    expect(rows).toEqual([
      { upvotes: 4, sources: ["arxiv-rss", "hf-daily"] },
      { upvotes: 6, sources: ["arxiv-rss", "hf-daily"] },
    ]);
  });

  it("a run that lost a deadlock gives the other writer time to take its lock, however slowly that writer is woken", async () => {
    const [first, second] = (await upsertPapers({ db, source: "arxiv-rss", now: t0, papers: [paper(1), paper(2)] })).paperIds;
    const other = await hold(`SELECT 1 FROM papers WHERE id = ${second} FOR UPDATE`);
    await other.lock(OTHER_WRITER_TIMEOUT);
    const pid = await other.pid();
    expect(await readFile(`/proc/${pid}/cmdline`, "utf8"), "this test pauses a PostgreSQL process, so it needs the server on this machine").toMatch(/postgres/);
    // A busy machine, on demand: the other writer's server process is paused while it waits, and resumed 30 ms after the run gives up.
    // Woken late, it used to find the run holding the first paper again (relocked at once), and the two deadlocked again.
    let paused = false;
    const log = logger.info.bind(logger) as (...args: unknown[]) => void;
    const info = vi.spyOn(logger, "info").mockImplementation(((...args: unknown[]) => {
      if (paused) setTimeout(resume, 30);
      log(...args);
    }) as never);
    const resume = () => {
      if (paused) process.kill(pid, "SIGCONT");
      paused = false;
    };
    try {
      const run = upsertPapers({ db: runDb, source: "hf-daily", now: t1, papers: [paper(1, { upvotes: 4 }), paper(2, { upvotes: 6 })] }).catch(
        (err: unknown) => err,
      );
      await other.waitForBlocked(1, run);
      const locked = other.lock(`SELECT 1 FROM papers WHERE id = ${first} FOR UPDATE`);
      await other.waitForBlocked(2, run);
      paused = true;
      process.kill(pid, "SIGSTOP");
      await locked;
      await other.release();
      expect(await run).toMatchObject({ inserted: 0, updated: 2 });
      expect(info.mock.calls.filter(([fields]) => (fields as { reason?: string }).reason === "deadlock with another writer")).toHaveLength(1);
    } finally {
      resume();
      info.mockRestore();
    }
  });

  it("an older reading committed after a newer one keeps the newer counts, and is still recorded in the history", async () => {
    const newer = await upsertPapers({ db, source: "hf-page", now: t2, papers: [paper(1, { upvotes: 20, githubStars: 7, numComments: 4 })] });
    const older = await upsertPapers({
      db,
      source: "hf-daily",
      now: t1,
      papers: [paper(1, { upvotes: 10, githubStars: 5, numComments: 2, aiSummary: "Cats." })],
    });
    expect(older).toMatchObject({ inserted: 0, updated: 1, changedIds: newer.paperIds });
    const row = await db.paper.findUniqueOrThrow({ where: { arxivId: arxivId(1) } });
    expect(row).toMatchObject({ upvotes: 20, githubStars: 7, numComments: 4, aiSummary: "Cats.", sources: ["hf-page", "hf-daily"] });
    const history = await db.paperMetric.findMany({ orderBy: { capturedAt: "asc" }, select: { capturedAt: true, upvotes: true, githubStars: true } });
    expect(history).toEqual([
      { capturedAt: t1, upvotes: 10, githubStars: 5 },
      { capturedAt: t2, upvotes: 20, githubStars: 7 },
    ]);

    const t3 = new Date("2026-05-08T12:00:00Z");
    await upsertPapers({ db, source: "hf-daily", now: t3, papers: [paper(1, { upvotes: 25 })] });
    expect(await db.paper.findUniqueOrThrow({ where: { arxivId: arxivId(1) } })).toMatchObject({ upvotes: 25, githubStars: 7 });
  });
});

describe("what follows overlapping runs", () => {
  it("runs refreshing the similar papers of the same papers at once all succeed, leaving one list per paper", async () => {
    const words = ["graph", "neural", "diffusion", "language", "retrieval", "vision"];
    const { paperIds } = await upsertPapers({
      db,
      source: "hf-daily",
      now: t1,
      papers: range(0, 60).map((i) =>
        paper(i, { title: `Paper ${i} on ${words[i % 6]} ${words[(i + 1) % 6]} models`, abstract: `We study ${words[i % 6]} models.` }),
      ),
    });
    const results = await Promise.allSettled(range(0, 4).map(() => refreshSimilarPapers({ db, paperIds })));
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok", "ok"]);
    const perPaper = await db.paperSimilar.groupBy({ by: ["paperId"], _count: true });
    expect(perPaper).toHaveLength(60);
    expect(perPaper.every((p) => p._count === 6)).toBe(true);
  });
});

describe("two ingestion processes", () => {
  it("each processing a run over the same listing at once: both succeed, and every paper keeps the newest reading", { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ingest-concurrency-"));
    try {
      // The same day's listing, read twice: the second reading has more upvotes and stars, so the two runs disagree on every paper.
      const listing = fixture("hf/api-daily-papers-2026-05-08.json");
      const later = (JSON.parse(listing) as { paper: { upvotes?: number; githubStars?: number } }[]).map((item) => ({
        ...item,
        paper: {
          ...item.paper,
          upvotes: (item.paper.upvotes ?? 0) + 7,
          githubStars: item.paper.githubStars === undefined ? undefined : item.paper.githubStars + 3,
        },
      }));
      const files = [path.join(dir, "first.json"), path.join(dir, "second.json")];
      await writeFile(files[0]!, listing);
      await writeFile(files[1]!, JSON.stringify(later));
      const env = cleanEnv({ DATABASE_URL: testDatabaseUrl(), APP_SECRET: "x".repeat(32), ADMIN_TOKEN: "a".repeat(20), CRON_SECRET: "c".repeat(20) });

      const gate = await holdWrites();
      const runs = Promise.all(files.map((file) => runScript("ingest", ["--source", "hf-daily", "--file", file, "--json"], env, 150_000)));
      await gate.waitForBlocked(2, runs).finally(gate.release);
      const outs = await runs;
      expect(outs.map((o) => ({ code: o.code, stderr: o.stderr.trim() }))).toEqual([
        { code: 0, stderr: "" },
        { code: 0, stderr: "" },
      ]);
      const finished = outs.map((o) => JSON.parse(o.stdout) as { status: string; counts: { inserted: number } });
      expect(finished.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect(finished[0]!.counts.inserted + finished[1]!.counts.inserted).toBe(37);

      const papers = await db.paper.findMany({ include: { metrics: { orderBy: { capturedAt: "desc" } } } });
      expect(papers).toHaveLength(37);
      for (const p of papers) {
        // Both runs recorded their reading; the stored counts are those of the one observed last.
        expect(p.metrics).toHaveLength(2);
        const newest = p.metrics.filter((m) => m.capturedAt.getTime() === p.metrics[0]!.capturedAt.getTime());
        expect(newest.map((m) => ({ id: p.arxivId, upvotes: m.upvotes, githubStars: m.githubStars }))).toContainEqual({
          id: p.arxivId,
          upvotes: p.upvotes,
          githubStars: p.githubStars,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
