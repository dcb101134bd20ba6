// The papers a digest is chosen from: visible, listed in its window, in the feed's trending order.
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { day } from "./paper-record";

/** Only what choosing, ordering and showing a digest reads; nothing else is held for a whole run. */
const digestPaperSelect = {
  id: true,
  arxivId: true,
  title: true,
  abstract: true,
  authors: true,
  listedOn: true,
  upvotes: true,
  githubUrl: true,
  githubStars: true,
  categories: true,
  primaryCategory: true,
  keywords: true,
  trendingScore: true,
} as const;

/** Visible papers listed from `since` to `until` (UTC days, inclusive), best trending first, ties by newest id as on the feed. */
export async function listDigestCandidates(opts: { db: Db; since: Date; until: Date; limit: number }): Promise<TPaper[]> {
  const rows = await opts.db.paper.findMany({
    where: { hidden: false, listedOn: { gte: opts.since, lte: opts.until } },
    orderBy: [{ trendingScore: "desc" }, { id: "desc" }],
    take: opts.limit,
    select: digestPaperSelect,
  });
  return rows.map((row) => ({ ...row, listedOn: day(row.listedOn) }));
}
