// "Your digest would have looked like this last week": the real digest selection over the latest week of papers.
import { paperPath, selectDigest } from "@/core/digest";
import type { Db } from "../db";
import { paperSelect, rowToPaper } from "../repo/paper-record";
import { ZInterests } from "./subscription-input";

export type TPreviewItem = { title: string; href: string; why: string; upvotes: number; listedOn: string };
export type TPreview = { items: TPreviewItem[]; from: string; to: string; candidates: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The week ends now, or at the newest listed paper when the feed is older than a week (a fresh
 * install with demo data), so the preview is never empty for lack of ingestion alone.
 */
export async function previewDigest(opts: { db: Db; interests: unknown; now: Date; limit?: number }): Promise<TPreview> {
  const interests = ZInterests.parse(opts.interests);
  const newest = await opts.db.paper.findFirst({ where: { hidden: false }, orderBy: { listedOn: "desc" }, select: { listedOn: true } });
  const end = newest && newest.listedOn.getTime() + DAY_MS < opts.now.getTime() ? new Date(newest.listedOn.getTime() + DAY_MS - 1) : opts.now;
  const start = new Date(end.getTime() - 7 * DAY_MS);
  const rows = await opts.db.paper.findMany({
    where: { hidden: false, listedOn: { gte: new Date(start.toISOString().slice(0, 10)) } },
    orderBy: [{ listedOn: "desc" }, { id: "desc" }],
    take: 2000,
    select: paperSelect,
  });
  const papers = rows.map(rowToPaper);
  const { items } = selectDigest({
    now: end,
    subscriber: { frequency: "weekly", lastDigestAt: start, ...interests },
    papers,
    alreadySent: new Set(),
    limit: opts.limit ?? 8,
  });
  return {
    items: items.map(({ paper, why }) => ({
      title: paper.title,
      href: paperPath(paper),
      why,
      upvotes: paper.upvotes,
      listedOn: paper.listedOn,
    })),
    from: start.toISOString().slice(0, 10),
    to: end.toISOString().slice(0, 10),
    candidates: papers.length,
  };
}
