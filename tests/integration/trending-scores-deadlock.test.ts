// Storing trending scores meets other writers in row locks: a deadlock with one that locks the same papers in another order is tried
// again, never a failed ingestion run (two processes ingesting one listing failed that way in CI).
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { titleKey } from "../../src/core/text/title-key";
import { storeTrendingScores } from "../../src/server/repo/paper-scores";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
let ids: number[] = [];

beforeAll(async () => {
  await resetDb(db);
  const papers = [1, 2].map((n) => ({
    arxivId: `2611.3000${n}`,
    titleKey: titleKey(`Deadlock paper ${n}`),
    title: `Deadlock paper ${n}`,
    abstract: `About ${n}.`,
    authors: [`A ${n}`],
    listedOn: "2026-11-20",
    upvotes: n,
    categories: ["cs.LG"],
  }));
  ids = (await upsertPapers({ db, source: "hf-daily", papers, now: new Date("2026-11-20T06:00:00Z") })).paperIds.sort((a, b) => a - b);
});
afterAll(() => db.$disconnect());

it("a deadlock with a writer holding the papers in the other order is tried again, and the scores are stored", async () => {
  const [first, second] = ids as [number, number];
  const other = new pg.Client({ connectionString: testDatabaseUrl() });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query("SELECT 1 FROM papers WHERE id = $1 FOR UPDATE", [second]);
    // Locks `first`, then waits for `second`, which the other writer holds.
    const storing = storeTrendingScores({ db, ids: [first, second], scores: [101.5, 202.5] });
    await expect
      .poll(
        async () =>
          (
            await other.query(
              "SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('tuple', 'transactionid') AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())",
            )
          ).rows[0].n,
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThan(0);
    // The other writer now wants `first`: a deadlock, which PostgreSQL settles by failing one of the two.
    const otherWrite = other.query("UPDATE papers SET upvotes = upvotes + 1 WHERE id = $1", [first]).then(
      () => "written",
      (err: { code?: string }) => err.code,
    );
    const outcome = await otherWrite;
    await other.query(outcome === "written" ? "COMMIT" : "ROLLBACK");
    expect(await storing).toBe(2);
  } finally {
    await other.end();
  }
  const rows = await db.$queryRaw<{ id: number; score: number }[]>`SELECT id, "trendingScore" AS score FROM papers WHERE id = ANY(${ids}::int[]) ORDER BY id`;
  expect(rows.map((r) => r.score)).toEqual([101.5, 202.5]);
});
