// One ranking: the feed's trending pages and the digest read the same stored order, and time passing between two pages changes nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { titleKey } from "../../src/core/text/title-key";
import { loadDigestPapers } from "../../src/server/digest/load-digest-papers";
import { afterIngest } from "../../src/server/ingest/after-ingest";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { rescorePapers } from "../../src/server/ranking/rescore-papers";
import { listPapers, type TListFilters } from "../../src/server/repo/papers";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const trending: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };
const t0 = new Date("2026-11-28T06:00:00Z");

function paper(n: number, extraVotes = 0): TIncomingPaper {
  const title = `Ranking paper ${n}`;
  const listedOn = `2026-11-${String(20 + (n % 8)).padStart(2, "0")}`;
  return {
    arxivId: `2611.${String(20000 + n)}`,
    titleKey: titleKey(title),
    title,
    abstract: `About ${n}.`,
    authors: [`A ${n}`],
    listedOn,
    upvotes: ((n * 37) % 101) + extraVotes,
    categories: ["cs.LG"],
  };
}

/** Stores a listing and runs what every ingestion runs after writing. */
async function ingest(papers: TIncomingPaper[], now: Date) {
  const { changedIds } = await upsertPapers({ db, source: "hf-daily", papers, now });
  await afterIngest({ db, reason: "test seed", changedIds });
}

beforeAll(async () => {
  await resetDb(db);
  await ingest(
    Array.from({ length: 40 }, (_, i) => paper(i + 1)),
    t0,
  );
});
afterAll(() => db.$disconnect());

it("page 2 fetched after a rescore between the pages neither repeats nor skips a paper", async () => {
  const before = await listPapers({ db, filters: trending, limit: 100 });
  const first = await listPapers({ db, filters: trending, limit: 10 });
  // Days pass and every score is recomputed: the stored order does not depend on when that happens.
  expect(await rescorePapers({ db })).toBe(0);
  const second = await listPapers({ db, filters: { ...trending, cursor: first.nextCursor! }, limit: 10 });
  const pages = [...first.papers, ...second.papers].map((p) => p.arxivId);
  expect(new Set(pages).size).toBe(20);
  expect(pages).toEqual(before.papers.slice(0, 20).map((p) => p.arxivId));
});

it("a later ingestion rescoring only its own papers keeps one order across old and new papers", async () => {
  // Six hours on, some papers gain votes; a new paper arrives. Only these are rescored.
  await ingest([...Array.from({ length: 40 }, (_, i) => paper(i + 1, i % 3 === 0 ? 40 : 0)), paper(41)], new Date(t0.getTime() + 6 * 3_600_000));
  const stored = await db.paper.findMany({ select: { id: true, trendingScore: true } });
  const fresh = await rescorePapers({ db });
  expect(fresh).toBe(0);
  expect(await db.paper.findMany({ select: { id: true, trendingScore: true } })).toEqual(stored);
});

it("the digest orders its candidates by the score the feed shows", async () => {
  const feed = (await listPapers({ db, filters: trending, limit: 100 })).papers.map((p) => p.arxivId);
  const digest = (await loadDigestPapers({ db, frequency: "weekly", now: new Date("2026-11-28T12:00:00Z") })).map((p) => p.arxivId);
  expect(digest.length).toBeGreaterThan(20);
  expect(digest).toEqual(feed.filter((id) => digest.includes(id)));
});
