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
  /**
   * `papers` are already rankPapers(papers, now) output (no growth): they are not ranked again and
   * the scan stops at `limit` matches. Ranking is a total order, so the result is the same.
   */
  ranked?: boolean;
};

function hasCode(paper: TPaper): boolean {
  return typeof paper.githubUrl === "string" && paper.githubUrl.trim() !== "";
}

/** Returns no items when nothing new matches; the caller then skips sending. */
export function selectDigest({ now, subscriber, papers, alreadySent, limit = 10, growthByPaper, ranked = false }: TSelectDigestInput): {
  items: TDigestItem[];
} {
  if (!(limit >= 1)) return { items: [] };
  const since = digestSince(subscriber, now);
  const why = matchInterests(subscriber);
  const reasons = new Map<number, string>();
  const max = Math.floor(limit);

  const candidates: TPaper[] = [];
  for (const paper of papers) {
    // A malformed listing day on one row must not abort everyone's digest, so it is skipped.
    if (!isValidDate(paper.listedOn) || paper.listedOn < since) continue;
    if (alreadySent.has(paper.id) || reasons.has(paper.id)) continue;
    if (subscriber.onlyWithCode && !hasCode(paper)) continue;
    if (paper.upvotes < subscriber.minUpvotes) continue;
    const reason = why(paper);
    if (reason === null) continue;
    reasons.set(paper.id, reason);
    candidates.push(paper);
    if (ranked && candidates.length >= max) break;
  }

  const items = (ranked ? candidates : rankPapers(candidates, now, growthByPaper))
    .slice(0, max)
    .map((paper) => ({ paper, why: reasons.get(paper.id) ?? "Trending", score: paper.trendingScore ?? 0 }));
  return { items };
}
