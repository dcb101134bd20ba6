// One reader's relevance model, trained from their "More like this" / "Less like this" presses and keywords (Rocchio),
// and how it scores a run's candidates. Readers without feedback have no model and keep the trending order.
import { dot, type TFeatureSpace, type TSparseVector } from "./feature-space";
import { DIMENSIONS, keywordTerms, type TTextPaper } from "./paper-terms";

type TFeedbackKind = "more" | "less";

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
const PROFILE_TERMS = 100;
/** How much the trending order still counts once a reader has taught the model (both are on 0..1 scales). */
export const TREND_WEIGHT = 0.1;

/** The k-th largest value (1-based) by quickselect, in linear time; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/** Scratch space for a profile, reused reader after reader (every touched slot is cleared before returning). */
const scratch = new Float64Array(DIMENSIONS);

/** Null without feedback: such a reader's digest needs no model. */
export function trainReaderModel(space: TFeatureSpace, reader: { feedback: readonly TFeedbackExample[]; keywords: readonly string[] }): TReaderModel | null {
  if (reader.feedback.length === 0) return null;
  const liked = reader.feedback.filter((f) => f.kind === "more").map((f) => ({ title: f.title, vector: space.vectorOf({ ...f, id: f.paperId }) }));
  const disliked = reader.feedback.filter((f) => f.kind === "less").map((f) => space.vectorOf({ ...f, id: f.paperId }));
  const touched: number[] = [];
  const add = (vectors: readonly TSparseVector[], weight: number) => {
    if (vectors.length === 0) return;
    const scale = weight / vectors.length;
    for (const vector of vectors) {
      for (let i = 0; i < vector.terms.length; i++) {
        const term = vector.terms[i]!;
        if (scratch[term] === 0) touched.push(term);
        scratch[term]! += scale * vector.weights[i]!;
      }
    }
  };
  add(
    liked.map((l) => l.vector),
    LIKED_WEIGHT,
  );
  add(disliked, -DISLIKED_WEIGHT);
  if (reader.keywords.length > 0) add([space.vectorOfCounts(keywordTerms(reader.keywords))], KEYWORD_WEIGHT);

  const magnitudes = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) magnitudes[i] = Math.abs(scratch[touched[i]!]!);
  const threshold = magnitudes.length > PROFILE_TERMS ? kthLargest(magnitudes, PROFILE_TERMS) : 0;
  const terms: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (const term of touched) {
    const w = scratch[term]!;
    scratch[term] = 0;
    // A term whose weights cancelled out exactly is listed twice; its zero is skipped.
    if (w === 0 || Math.abs(w) < threshold || terms.length >= PROFILE_TERMS) continue;
    terms.push(term);
    weights.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  return { terms: Int32Array.from(terms), weights: Float32Array.from(weights, (w) => w / norm), liked };
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
