// The digest of a reader who has pressed "More like this" or "Less like this": the eligible candidates in the order
// their learned model gives, blended with trending, each explained by the liked paper it most resembles.
import type { TPaper } from "@/core/paper";
import { buildFeatureSpace, mostSimilarLiked, scoreCandidates, trainReaderModel, TREND_WEIGHT, type TFeedbackExample } from "@/core/relevance";
import { cachePerObject } from "./cache-per-object";
import type { TInterestMatcher } from "./match-interests";
import { truncateText } from "./shorten-text";

type TPick = { paper: TPaper; why: string; score: number };

/** A paper outside the reader's keywords and categories still makes the digest when it is this close to their profile. */
const QUALIFY_SIMILARITY = 0.2;
/** Below this cosine a liked paper is too unlike the pick to be named as its reason. */
const NAME_LIKED_SIMILARITY = 0.05;
const WHY_TITLE_MAX = 80;

/** One feature space per candidate list: a run loads its candidates once, so every reader shares it. */
const spaceOf = cachePerObject((papers: readonly TPaper[]) => buildFeatureSpace(papers));

export function learnedPicks(opts: {
  papers: readonly TPaper[];
  feedback: readonly TFeedbackExample[];
  keywords: readonly string[];
  /** The reader's filters (new, not sent, not excluded, not already chosen). */
  eligible: (paper: TPaper) => boolean;
  interests: TInterestMatcher;
  count: number;
}): TPick[] {
  const space = spaceOf(opts.papers);
  const model = trainReaderModel(space, { feedback: opts.feedback, keywords: opts.keywords });
  if (!model || opts.count <= 0) return [];
  const relevance = scoreCandidates(space, model);
  const ranked: { index: number; score: number; interest: string | null }[] = [];
  opts.papers.forEach((paper, index) => {
    if (!opts.eligible(paper)) return;
    const interest = opts.interests(paper);
    if (interest === null && relevance[index]! < QUALIFY_SIMILARITY) return;
    ranked.push({ index, score: relevance[index]! + TREND_WEIGHT * space.trend[index]!, interest });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);

  const items: TPick[] = [];
  const chosen = new Set<number>();
  for (const { index, score, interest } of ranked) {
    if (items.length >= opts.count) break;
    const paper = opts.papers[index]!;
    if (chosen.has(paper.id)) continue;
    chosen.add(paper.id);
    const liked = mostSimilarLiked(space, model, index);
    const why =
      liked && (liked.similarity >= NAME_LIKED_SIMILARITY || interest === null)
        ? `Because you liked «${truncateText(liked.title, WHY_TITLE_MAX)}»`
        : (interest ?? "Picked for you");
    items.push({ paper, why, score });
  }
  return items;
}
