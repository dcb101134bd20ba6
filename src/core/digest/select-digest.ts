// Chooses the papers for one subscriber's digest: new since their last one, matching their
// interests, never sent before, in the feed's trending order.
import type { TPaper } from "@/core/paper";
import { isValidDate } from "@/core/periods";
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
  /** Candidates in the feed's trending order (hidden ones excluded); the digest keeps that order. */
  papers: readonly TPaper[];
  alreadySent: ReadonlySet<number>;
  limit?: number;
};

function hasCode(paper: TPaper): boolean {
  return typeof paper.githubUrl === "string" && paper.githubUrl.trim() !== "";
}

/** Scans the ranked candidates and stops at `limit` matches; no items when nothing new matches, and the caller then skips sending. */
export function selectDigest({ now, subscriber, papers, alreadySent, limit = 10 }: TSelectDigestInput): { items: TDigestItem[] } {
  if (!(limit >= 1)) return { items: [] };
  const since = digestSince(subscriber, now);
  const why = matchInterests(subscriber);
  const max = Math.floor(limit);
  const items: TDigestItem[] = [];
  const chosen = new Set<number>();
  for (const paper of papers) {
    if (items.length >= max) break;
    // A malformed listing day on one row must not abort everyone's digest, so it is skipped.
    if (!isValidDate(paper.listedOn) || paper.listedOn < since) continue;
    if (alreadySent.has(paper.id) || chosen.has(paper.id)) continue;
    if (subscriber.onlyWithCode && !hasCode(paper)) continue;
    if (paper.upvotes < subscriber.minUpvotes) continue;
    const reason = why(paper);
    if (reason === null) continue;
    chosen.add(paper.id);
    items.push({ paper, why: reason, score: paper.trendingScore ?? 0 });
  }
  return { items };
}
