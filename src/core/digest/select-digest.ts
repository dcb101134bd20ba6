// Chooses the papers for one subscriber's digest: new since their last one, matching their
// interests, never sent before, best trending first.
import type { TPaper } from "@/core/paper";
import { isValidDate } from "@/core/periods";
import { rankPapers, type TGrowth } from "@/core/ranking";
import { digestSince, type TDigestFrequency } from "./digest-period";
import { matchInterests } from "./match-interests";

export type TDigestSubscriber = {
  frequency: TDigestFrequency;
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  lastDigestAt?: Date | null;
};

export type TDigestItem = { paper: TPaper; why: string; score: number };

export type TSelectDigestInput = {
  now: Date;
  subscriber: TDigestSubscriber;
  /** Candidates; typically papers listed since digestSince(subscriber, now), hidden ones excluded. */
  papers: readonly TPaper[];
  alreadySent: ReadonlySet<number>;
  limit?: number;
  /** Upvote and star growth per paper id (see growthFrom), for momentum in the ranking. */
  growthByPaper?: ReadonlyMap<number, Partial<TGrowth>>;
};

function hasCode(paper: TPaper): boolean {
  return typeof paper.githubUrl === "string" && paper.githubUrl.trim() !== "";
}

/** Returns no items when nothing new matches; the caller then skips sending. */
export function selectDigest({ now, subscriber, papers, alreadySent, limit = 10, growthByPaper }: TSelectDigestInput): { items: TDigestItem[] } {
  if (!(limit >= 1)) return { items: [] };
  const since = digestSince(subscriber, now);
  const why = matchInterests(subscriber);
  const reasons = new Map<number, string>();

  const candidates = papers.filter((paper) => {
    // A malformed listing day on one row must not abort everyone's digest, so it is skipped.
    if (!isValidDate(paper.listedOn) || paper.listedOn < since) return false;
    if (alreadySent.has(paper.id) || reasons.has(paper.id)) return false;
    if (subscriber.onlyWithCode && !hasCode(paper)) return false;
    if (paper.upvotes < subscriber.minUpvotes) return false;
    const reason = why(paper);
    if (reason === null) return false;
    reasons.set(paper.id, reason);
    return true;
  });

  const items = rankPapers(candidates, now, growthByPaper)
    .slice(0, Math.floor(limit))
    .map((paper) => ({ paper, why: reasons.get(paper.id) ?? "Trending", score: paper.trendingScore }));
  return { items };
}
