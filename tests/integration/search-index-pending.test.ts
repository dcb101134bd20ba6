// What an ingestion run writes reaches the search indexes proper before the run announces it: PostgreSQL's GIN indexes first collect
// new entries in a pending list that every search reads through until it is merged.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { titleKey } from "../../src/core/text/title-key";
import { afterIngest } from "../../src/server/ingest/after-ingest";
import { logger } from "../../src/server/logger";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-11-28T06:00:00Z");
logger.level = "silent";
const warn = vi.spyOn(logger, "warn");

function paper(n: number): TIncomingPaper {
  const title = `Pending entries paper ${n} on graph learning`;
  return {
    arxivId: `2611.${String(30000 + n)}`,
    titleKey: titleKey(title),
    title,
    abstract: `Paper ${n} studies sparse graph learning with attention.`,
    authors: [`Author ${n}`],
    listedOn: "2026-11-27",
    upvotes: n,
    categories: ["cs.LG"],
  };
}

const papers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => paper(from + i));

/** Pages still pending in each search index; reading them merges them, so each call sees what was left since the last. */
async function pendingPages(): Promise<number[]> {
  const [row] = await db.$queryRaw<{ words: number; pairs: number }[]>`
    SELECT gin_clean_pending_list('papers_search_blocks_idx'::regclass)::int AS words,
           gin_clean_pending_list('papers_search_pairs_blocks_idx'::regclass)::int AS pairs`;
  return [row!.words, row!.pairs];
}

beforeAll(() => resetDb(db));
afterAll(() => db.$disconnect());

it("merges the search indexes' pending entries after a write, before the run announces its papers", async () => {
  // A write alone leaves its entries pending (fastupdate, PostgreSQL's default for GIN).
  await upsertPapers({ db, source: "hf-daily", papers: papers(1, 30), now });
  const left = await pendingPages();
  expect(left.every((pages) => pages > 0)).toBe(true);

  const { changedIds } = await upsertPapers({ db, source: "hf-daily", papers: papers(31, 60), now });
  expect(await afterIngest({ db, reason: "test", changedIds })).toMatchObject({ announced: true });
  expect(await pendingPages()).toEqual([0, 0]);
});

it("still announces the papers when the merge fails, with a warning", async () => {
  warn.mockClear();
  const { changedIds } = await upsertPapers({ db, source: "hf-daily", papers: papers(61, 70), now });
  // An index the merge cannot find stands for any failure of it (a database role that does not own the indexes, say).
  await db.$executeRawUnsafe(`ALTER INDEX papers_search_pairs_blocks_idx RENAME TO papers_search_pairs_blocks_idx_away`);
  try {
    expect(await afterIngest({ db, reason: "test", changedIds })).toMatchObject({ announced: true });
  } finally {
    await db.$executeRawUnsafe(`ALTER INDEX papers_search_pairs_blocks_idx_away RENAME TO papers_search_pairs_blocks_idx`);
  }
  expect(warn).toHaveBeenCalledWith(
    expect.objectContaining({ err: expect.objectContaining({ message: expect.stringContaining("papers_search_pairs_blocks_idx") }) }),
    "search index pending entries not merged",
  );
});
