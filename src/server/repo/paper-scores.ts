// What the trending score is computed from (counts, listing days, metric readings) and where it is stored.
import type { TMetricSnapshot } from "@/core/ranking";
import { Prisma } from "@/generated/prisma/client";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db";
import { logger } from "../logger";
import { DEADLOCK_DETECTED, deadlockBackoffMs, sqlState } from "./deadlock-retry";

export type TScoreInput = { id: number; upvotes: number; githubStars: number | null; listedOn: string };

/** The next keyset batch of papers to score: all of them, or only `paperIds`. */
export async function listScoreInputs(opts: { db: Db; afterId: number; limit: number; paperIds?: readonly number[] }): Promise<TScoreInput[]> {
  return opts.db.$queryRaw<TScoreInput[]>`
    SELECT id, upvotes, "githubStars", to_char("listedOn", 'YYYY-MM-DD') AS "listedOn" FROM papers
    WHERE id > ${opts.afterId} ${opts.paperIds ? Prisma.sql`AND id = ANY(${opts.paperIds}::int[])` : Prisma.empty}
    ORDER BY id LIMIT ${opts.limit}`;
}

/**
 * Per paper, the readings growthFrom needs: those of the 24 h before its newest one, and the newest reading
 * older than that (the baseline).
 */
export async function listGrowthReadings(opts: { db: Db; paperIds: readonly number[] }): Promise<Map<number, TMetricSnapshot[]>> {
  const rows = await opts.db.$queryRaw<(TMetricSnapshot & { paperId: number })[]>`
    WITH newest AS (
      SELECT "paperId", max("capturedAt") - interval '1 day' AS cutoff FROM paper_metrics WHERE "paperId" = ANY(${opts.paperIds}::int[]) GROUP BY "paperId"
    )
    (SELECT m."paperId", m."capturedAt", m.upvotes, m."githubStars" FROM paper_metrics m JOIN newest n USING ("paperId") WHERE m."capturedAt" > n.cutoff)
    UNION ALL
    (SELECT DISTINCT ON (m."paperId") m."paperId", m."capturedAt", m.upvotes, m."githubStars" FROM paper_metrics m JOIN newest n USING ("paperId")
      WHERE m."capturedAt" <= n.cutoff ORDER BY m."paperId", m."capturedAt" DESC)`;
  const byPaper = new Map<number, TMetricSnapshot[]>();
  for (const { paperId, ...reading } of rows) byPaper.set(paperId, [...(byPaper.get(paperId) ?? []), reading]);
  return byPaper;
}

const MAX_ATTEMPTS = 5;

/**
 * Stores scores; rows whose score did not change are not rewritten (every index on the score would be). Rows are locked in id order,
 * so two runs rescoring the same papers wait for each other; a deadlock with a writer that locks them in another order (a run's
 * upsert, in arXiv id order, holding its rows to the end of its transaction) is tried again: the scores are the same either way.
 * Unordered and not retried, it failed a run that had stored its papers (seen in CI: two processes ingesting one listing).
 */
export async function storeTrendingScores(opts: { db: Db; ids: readonly number[]; scores: readonly number[] }): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await opts.db.$executeRaw`
        UPDATE papers SET "trendingScore" = v.score
        FROM (SELECT p.id, s.score FROM unnest(${opts.ids}::int[], ${opts.scores}::float8[]) AS s(id, score) JOIN papers p ON p.id = s.id
              WHERE p."trendingScore" IS DISTINCT FROM s.score ORDER BY p.id FOR UPDATE OF p) v
        WHERE papers.id = v.id`;
    } catch (err) {
      if (sqlState(err) !== DEADLOCK_DETECTED || attempt === MAX_ATTEMPTS) throw err;
      logger.info({ attempt, papers: opts.ids.length }, "storing trending scores met another writer in a deadlock; trying again");
      await sleep(deadlockBackoffMs(attempt));
    }
  }
}
