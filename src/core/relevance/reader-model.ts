// One reader's relevance model, trained from their "More like this" / "Less like this" presses and keywords (Rocchio),
// and how it scores a run's candidates. Readers without feedback have no model and keep the trending order.
import { dot, type TFeatureSpace, type TSparseVector } from "./feature-space";
import { keywordTerms, type TTextPaper } from "./paper-terms";

export type TFeedbackKind = "more" | "less";

/** One press, with the paper's text the model learns from. */
export type TFeedbackExample = TTextPaper & { paperId: number; kind: TFeedbackKind };

export type TReaderModel = {
  /** The profile: at most PROFILE_TERMS terms, L2-normalised. */
  terms: Int32Array;
  weights: Float32Array;
  liked: { title: string; vector: TSparseVector }[];
};

/** Rocchio's weights: the liked centroid, minus part of the disliked one, plus the keywords as a pseudo-document. */
const LIKED_WEIGHT = 1;
const DISLIKED_WEIGHT = 0.75;
const KEYWORD_WEIGHT = 0.5;
/** Keeping the strongest terms only makes scoring touch few postings, and drops the noise of one-off words. */
const PROFILE_TERMS = 300;
/** How much the trending order still counts once a reader has taught the model (both are on 0..1 scales). */
export const TREND_WEIGHT = 0.1;

function addCentroid(profile: Map<number, number>, vectors: readonly TSparseVector[], weight: number): void {
  if (vectors.length === 0) return;
  const scale = weight / vectors.length;
  for (const vector of vectors) {
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      profile.set(term, (profile.get(term) ?? 0) + scale * vector.weights[i]!);
    }
  }
}

/** Null without feedback: such a reader's digest needs no model. */
export function trainReaderModel(
  space: TFeatureSpace,
  reader: { feedback: readonly TFeedbackExample[]; keywords: readonly string[] },
): TReaderModel | null {
  if (reader.feedback.length === 0) return null;
  const liked = reader.feedback.filter((f) => f.kind === "more").map((f) => ({ title: f.title, vector: space.vectorOf({ ...f, id: f.paperId }) }));
  const disliked = reader.feedback.filter((f) => f.kind === "less").map((f) => space.vectorOf({ ...f, id: f.paperId }));
  const profile = new Map<number, number>();
  addCentroid(
    profile,
    liked.map((l) => l.vector),
    LIKED_WEIGHT,
  );
  addCentroid(profile, disliked, -DISLIKED_WEIGHT);
  if (reader.keywords.length > 0) addCentroid(profile, [space.vectorOfCounts(keywordTerms(reader.keywords))], KEYWORD_WEIGHT);

  const strongest = [...profile].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, PROFILE_TERMS);
  const norm = Math.sqrt(strongest.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return {
    terms: Int32Array.from(strongest, ([term]) => term),
    weights: Float32Array.from(strongest, ([, w]) => w / norm),
    liked,
  };
}

/** Each candidate's cosine with the profile (-1..1), aligned with space.papers, through the inverted index. */
export function scoreCandidates(space: TFeatureSpace, model: TReaderModel): Float32Array {
  const scores = new Float32Array(space.papers.length);
  for (let i = 0; i < model.terms.length; i++) {
    const postings = space.postings.get(model.terms[i]!);
    if (!postings) continue;
    const w = model.weights[i]!;
    for (let j = 0; j < postings.docs.length; j++) scores[postings.docs[j]!]! += w * postings.weights[j]!;
  }
  return scores;
}

/** The liked paper most like candidate `index`, to name in its "why" line; null when the reader liked none. */
export function mostSimilarLiked(space: TFeatureSpace, model: TReaderModel, index: number): { title: string; similarity: number } | null {
  let best: { title: string; similarity: number } | null = null;
  for (const liked of model.liked) {
    const similarity = dot(liked.vector, space.vectors[index]!);
    if (!best || similarity > best.similarity) best = { title: liked.title, similarity };
  }
  return best;
}
