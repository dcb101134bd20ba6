// The digest of a reader who has pressed "More like this" or "Less like this": the eligible candidates in the order
// their learned model gives, blended with trending, each explained by the liked paper it most resembles.
import type { TPaper } from "@/core/paper";
import { buildFeatureSpace, mostSimilarLiked, scoreCandidates, trainReaderModel, TREND_WEIGHT, type TFeedbackExample } from "@/core/relevance";
import { cachePerObject } from "./cache-per-object";
import type { TInterestMatcher } from "./match-interests";
import { truncateText } from "./shorten-text";

type TPick = { paper: TPaper; why: string; score: number };

/** A paper outside the reader's keywords and categories still makes the digest when it scores this close to their best. */
const QUALIFY_SCORE = 0.5;
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
  // Relevance scaled to -1..1 over the candidates, so the trending blend weighs the same for every reader.
  let scale = 0;
  for (const r of relevance) scale = Math.max(scale, Math.abs(r));
  scale = scale || 1;

  // The best `count` in a short sorted list: a paper's filters run only when its score would enter it.
  const best: { index: number; score: number; interest: string | null }[] = [];
  const ids = new Set<number>();
  for (let index = 0; index < opts.papers.length; index++) {
    const score = relevance[index]! / scale + TREND_WEIGHT * space.trend[index]!;
    if (best.length >= opts.count && score <= best[best.length - 1]!.score) continue;
    const paper = opts.papers[index]!;
    if (ids.has(paper.id) || !opts.eligible(paper)) continue;
    const interest = opts.interests(paper);
    if (interest === null && relevance[index]! / scale < QUALIFY_SCORE) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { index, score, interest });
    ids.add(paper.id);
    if (best.length > opts.count) ids.delete(opts.papers[best.pop()!.index]!.id);
  }

  return best.map(({ index, score, interest }) => {
    const liked = mostSimilarLiked(space, model, index);
    const why =
      liked && (liked.similarity >= NAME_LIKED_SIMILARITY || interest === null)
        ? `Because you liked «${truncateText(liked.title, WHY_TITLE_MAX)}»`
        : (interest ?? "Picked for you");
    return { paper: opts.papers[index]!, why, score };
  });
}
