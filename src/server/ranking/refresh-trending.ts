// Recomputes the stored trending score (src/core/ranking) from current counts and 24 h metric growth; run after ingestion and periodically.
import { growthFrom, trendingScore, type TMetricSnapshot } from "@/core/ranking";
import { MS_PER_DAY } from "@/core/periods/utc-date";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

const BATCH = 5_000;

type TScoreRow = { id: number; upvotes: number; githubStars: number | null; listedOn: string };
type TMetricRow = TMetricSnapshot & { paperId: number };

async function loadMetrics(db: Db, ids: number[], now: Date): Promise<Map<number, TMetricRow[]>> {
  const cutoff = new Date(now.getTime() - MS_PER_DAY);
  // Readings of the last 24 h plus, per paper, the newest one before that: all growthFrom needs.
  const rows = await db.$queryRaw<TMetricRow[]>`
    (SELECT "paperId", "capturedAt", upvotes, "githubStars" FROM paper_metrics
      WHERE "paperId" = ANY(${ids}::int[]) AND "capturedAt" > ${cutoff} AND "capturedAt" <= ${now})
    UNION ALL
    (SELECT DISTINCT ON ("paperId") "paperId", "capturedAt", upvotes, "githubStars" FROM paper_metrics
      WHERE "paperId" = ANY(${ids}::int[]) AND "capturedAt" <= ${cutoff}
      ORDER BY "paperId", "capturedAt" DESC)`;
  const byPaper = new Map<number, TMetricRow[]>();
  for (const row of rows) byPaper.set(row.paperId, [...(byPaper.get(row.paperId) ?? []), row]);
  return byPaper;
}

/**
 * Scores only compare when computed at the same instant, so call it without `paperIds` after an
 * ingestion run (all papers, in batches); `paperIds` limits it to a subset. Returns papers updated.
 */
export async function refreshTrendingScores(opts: { db: Db; now: Date; paperIds?: number[] }): Promise<number> {
  const { db, now } = opts;
  let afterId = 0;
  let updated = 0;
  for (;;) {
    const rows = await db.$queryRaw<TScoreRow[]>`
      SELECT id, upvotes, "githubStars", to_char("listedOn", 'YYYY-MM-DD') AS "listedOn" FROM papers
      WHERE id > ${afterId} ${opts.paperIds ? Prisma.sql`AND id = ANY(${opts.paperIds}::int[])` : Prisma.empty}
      ORDER BY id LIMIT ${BATCH}`;
    const last = rows.at(-1);
    if (!last) return updated;
    const metrics = await loadMetrics(
      db,
      rows.map((r) => r.id),
      now,
    );
    const scores = rows.map((r) => trendingScore({ ...r, ...growthFrom(metrics.get(r.id) ?? [], now) }, now));
    await db.$executeRaw`
      UPDATE papers SET "trendingScore" = v.score
      FROM unnest(${rows.map((r) => r.id)}::int[], ${scores}::float8[]) AS v(id, score)
      WHERE papers.id = v.id AND papers."trendingScore" IS DISTINCT FROM v.score`;
    updated += rows.length;
    afterId = last.id;
  }
}
