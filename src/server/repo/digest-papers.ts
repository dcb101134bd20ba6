// The papers a digest is chosen from: visible, listed in its window, in the feed's trending order.
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { paperSelect, rowToPaper } from "./paper-record";

/** Visible papers listed from `since` to `until` (UTC days, inclusive), best trending first, ties by newest id as on the feed. */
export async function listDigestCandidates(opts: { db: Db; since: Date; until: Date; limit: number }): Promise<TPaper[]> {
  const rows = await opts.db.paper.findMany({
    where: { hidden: false, listedOn: { gte: opts.since, lte: opts.until } },
    orderBy: [{ trendingScore: "desc" }, { id: "desc" }],
    take: opts.limit,
    select: paperSelect,
  });
  return rows.map(rowToPaper);
}
