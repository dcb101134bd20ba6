// What follows a successful write: refresh the stored trending score of changed papers, then tell the web app to drop cached feeds.
import { growthFrom, trendingScore } from "@/core/ranking";
import type { Db } from "../db";
import { logger } from "../logger";

export type TRevalidate = () => Promise<void>;

/** Metric snapshots older than this do not affect a paper's 24 h growth. */
const GROWTH_LOOKBACK_MS = 7 * 24 * 3600 * 1000;

export async function refreshTrendingScores(opts: { db: Db; paperIds: number[]; now: Date }): Promise<number> {
  const { db, paperIds, now } = opts;
  if (paperIds.length === 0) return 0;
  const [papers, metrics] = await Promise.all([
    db.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, upvotes: true, githubStars: true, listedOn: true } }),
    db.paperMetric.findMany({
      where: { paperId: { in: paperIds }, capturedAt: { gte: new Date(now.getTime() - GROWTH_LOOKBACK_MS) } },
      select: { paperId: true, capturedAt: true, upvotes: true, githubStars: true },
    }),
  ]);
  const byPaper = new Map<number, typeof metrics>();
  for (const m of metrics) byPaper.set(m.paperId, [...(byPaper.get(m.paperId) ?? []), m]);
  const scores = papers.map((p) => {
    const growth = growthFrom(byPaper.get(p.id) ?? [], now);
    const score = trendingScore(
      { upvotes: p.upvotes, githubStars: p.githubStars, listedOn: p.listedOn.toISOString().slice(0, 10), ...growth },
      now,
    );
    return { id: p.id, score };
  });
  return db.$executeRawUnsafe(
    `UPDATE papers p SET "trendingScore" = v.score FROM jsonb_to_recordset($1::jsonb) AS v(id int, score float8) WHERE p.id = v.id`,
    JSON.stringify(scores),
  );
}

/** Inside the Next server: revalidate its cache directly. Elsewhere (a worker): ask the web app to, over HTTP. */
export function defaultRevalidate(opts: { appUrl: string; cronSecret: string }): TRevalidate {
  return async () => {
    if (process.env.NEXT_RUNTIME) {
      const { revalidatePath, revalidateTag } = await import("next/cache");
      revalidateTag("papers", "max");
      revalidatePath("/", "layout");
      return;
    }
    const res = await fetch(`${opts.appUrl}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${opts.cronSecret}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`POST /api/revalidate answered ${res.status}`);
  };
}

/** Best-effort: a failed revalidation is logged, never fails the run (the feed catches up on its own schedule). */
export async function afterIngest(opts: { db: Db; changedIds: number[]; now: Date; revalidate: TRevalidate }): Promise<{ rescored: number; revalidated: boolean }> {
  if (opts.changedIds.length === 0) return { rescored: 0, revalidated: false };
  const rescored = await refreshTrendingScores({ db: opts.db, paperIds: opts.changedIds, now: opts.now });
  try {
    await opts.revalidate();
    return { rescored, revalidated: true };
  } catch (err) {
    logger.warn({ err }, "feed revalidation after ingestion failed");
    return { rescored, revalidated: false };
  }
}
