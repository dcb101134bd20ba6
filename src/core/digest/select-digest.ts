// Chooses the papers for one subscriber's digest: new since their last one, never sent before, none they said "less"
// of or that holds a negative keyword; papers by people they follow first, then their interests in the feed's trending
// order, or in their learned order once they have given feedback.
import type { TPaper } from "@/core/paper";
import { isValidDate } from "@/core/periods";
import type { TFeedbackExample } from "@/core/relevance";
import { cachePerObject } from "./cache-per-object";
import { digestListingDays, digestSince, type TDigestFrequency, type TListingDays } from "./digest-period";
import { learnedPicks } from "./learned-order";
import { matchFollows, matchInterests, matchNegativeKeywords, type TFollow } from "./match-interests";

export type TDigestSubscriber = {
  frequency: TDigestFrequency;
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  lastDigestAt?: Date | null;
  /** A paper whose title or abstract matches one never makes the digest. */
  negativeKeywords?: readonly string[];
  /** Their papers always make the digest, first, within its size. */
  follows?: readonly TFollow[];
  /** "More like this" / "Less like this", newest first: what the reader's model learns from. */
  feedback?: readonly TFeedbackExample[];
};

export type TDigestItem = { paper: TPaper; why: string; score: number };

/** The chosen papers, and the listing days they come from: what the mail and its previews name. */
export type TDigestSelection = { items: TDigestItem[]; listed: TListingDays };

export type TSelectDigestInput = {
  now: Date;
  subscriber: TDigestSubscriber;
  /** Candidates in the feed's trending order (hidden ones excluded); without feedback the digest keeps that order. */
  papers: readonly TPaper[];
  alreadySent: ReadonlySet<number>;
  limit?: number;
};

/** Checked once per paper object, not once per paper and reader: papers are never mutated. */
const hasValidDay = cachePerObject((paper: TPaper) => isValidDate(paper.listedOn));

function hasCode(paper: TPaper): boolean {
  return typeof paper.githubUrl === "string" && paper.githubUrl.trim() !== "";
}

/** Stops at `limit` papers; no items when nothing new matches, and the caller then skips sending. */
export function selectDigest(input: TSelectDigestInput): TDigestSelection {
  const items = chooseItems(input);
  const days = items.map((item) => item.paper.listedOn);
  const listed = digestListingDays(input.subscriber, input.now, days);
  return { items, listed };
}

function chooseItems({ now, subscriber, papers, alreadySent, limit = 10 }: TSelectDigestInput): TDigestItem[] {
  if (!(limit >= 1)) return [];
  const max = Math.floor(limit);
  const since = digestSince(subscriber, now);
  const feedback = subscriber.feedback ?? [];
  const disliked = new Set(feedback.filter((f) => f.kind === "less").map((f) => f.paperId));
  const excluded = matchNegativeKeywords(subscriber.negativeKeywords ?? []);
  const items: TDigestItem[] = [];
  const chosen = new Set<number>();
  // A malformed listing day on one row must not abort everyone's digest, so it is skipped.
  const isNew = (paper: TPaper) =>
    hasValidDay(paper) &&
    paper.listedOn >= since &&
    !alreadySent.has(paper.id) &&
    !chosen.has(paper.id) &&
    !disliked.has(paper.id) &&
    !(excluded && excluded(paper));
  const add = (paper: TPaper, why: string, score: number) => {
    chosen.add(paper.id);
    items.push({ paper, why, score });
  };

  // A follow is an explicit wish: it overrides the reader's filters, but not their exclusions.
  const followed = matchFollows(subscriber.follows ?? []);
  if (followed) {
    for (const paper of papers) {
      if (items.length >= max) break;
      if (!isNew(paper)) continue;
      const why = followed(paper);
      if (why !== null) add(paper, why, paper.trendingScore ?? 0);
    }
  }

  const interests = matchInterests(subscriber);
  const eligible = (paper: TPaper) => isNew(paper) && (!subscriber.onlyWithCode || hasCode(paper)) && paper.upvotes >= subscriber.minUpvotes;
  if (feedback.length > 0) {
    const picks = learnedPicks({ papers, feedback, keywords: subscriber.keywords, eligible, interests, count: max - items.length });
    for (const pick of picks) add(pick.paper, pick.why, pick.score);
    return items;
  }
  for (const paper of papers) {
    if (items.length >= max) break;
    if (!eligible(paper)) continue;
    const why = interests(paper);
    if (why !== null) add(paper, why, paper.trendingScore ?? 0);
  }
  return items;
}
