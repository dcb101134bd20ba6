// What a paper page shows beyond the paper: its metric history and its precomputed similar papers.
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { pageSelect, rowToPaper } from "./paper-record";

export type TMetricPoint = { at: string; upvotes: number | null; githubStars: number | null };

export async function listPaperMetrics(opts: { db: Db; paperId: number; limit?: number }): Promise<TMetricPoint[]> {
  const rows = await opts.db.paperMetric.findMany({
    where: { paperId: opts.paperId },
    orderBy: { capturedAt: "desc" },
    take: opts.limit ?? 200,
    select: { capturedAt: true, upvotes: true, githubStars: true },
  });
  return rows.reverse().map((r) => ({ at: r.capturedAt.toISOString(), upvotes: r.upvotes, githubStars: r.githubStars }));
}

export async function listSimilarPapers(opts: { db: Db; paperId: number; limit?: number }): Promise<TPaper[]> {
  const rows = await opts.db.paperSimilar.findMany({
    where: { paperId: opts.paperId, similar: { hidden: false } },
    orderBy: [{ score: "desc" }, { similarId: "asc" }],
    take: opts.limit ?? 6,
    select: { similar: { select: pageSelect } },
  });
  return rows.map((r) => rowToPaper(r.similar));
}

/** Visible papers for the sitemap, newest first. */
export async function listPaperKeys(opts: { db: Db; limit: number }): Promise<{ id: number; arxivId: string | null; updatedAt: Date }[]> {
  return opts.db.paper.findMany({
    where: { hidden: false },
    orderBy: [{ listedOn: "desc" }, { id: "desc" }],
    take: opts.limit,
    select: { id: true, arxivId: true, updatedAt: true },
  });
}
