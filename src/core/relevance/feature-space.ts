// The candidate papers of one digest run as tf-idf vectors, with an inverted index so a reader's profile scores them
// all by touching only the papers that share its terms. Built once per candidate list, shared by every reader.
import type { TPaper } from "@/core/paper";
import { paperTerms, type TTextPaper } from "./paper-terms";

/** Sorted hashed term ids and their weights, L2-normalised. */
export type TSparseVector = { terms: Int32Array; weights: Float32Array };

type TPostings = { docs: Int32Array; weights: Float32Array };

export type TFeatureSpace = {
  readonly papers: readonly TPaper[];
  /** Aligned with `papers`. */
  readonly vectors: readonly TSparseVector[];
  /** Each paper's trending score scaled to 0..1 over the candidates, aligned with `papers`. */
  readonly trend: Float32Array;
  readonly postings: ReadonlyMap<number, TPostings>;
  /** The vector of any paper (a liked one no longer among the candidates included), in this space's idf. */
  vectorOf(paper: TTextPaper & { id: number }): TSparseVector;
  /** A pseudo-document's counts (a reader's keywords) as a vector of this space. */
  vectorOfCounts(counts: ReadonlyMap<number, number>): TSparseVector;
};

/**
 * A paper keeps its strongest terms only: a long abstract's tail of once-used words says little about its topic, and
 * every reader's profile, scoring and "why" comparisons cost in proportion to the terms kept.
 */
const VECTOR_TERMS = 128;

/** tf = 1 + ln(count), times idf, the strongest VECTOR_TERMS, L2-normalised; sorted by term so two vectors' dot product is one merge. */
function toVector(counts: ReadonlyMap<number, number>, idf: (term: number) => number): TSparseVector {
  let entries = [...counts].map(([term, count]): [number, number] => [term, (1 + Math.log(count)) * idf(term)]);
  if (entries.length > VECTOR_TERMS) entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, VECTOR_TERMS);
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return { terms: Int32Array.from(entries, ([term]) => term), weights: Float32Array.from(entries, ([, w]) => w / norm) };
}

export function dot(a: TSparseVector, b: TSparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function scaledTrend(papers: readonly TPaper[]): Float32Array {
  const scores = papers.map((p) => (Number.isFinite(p.trendingScore) ? p.trendingScore! : 0));
  const min = Math.min(...scores);
  const span = Math.max(...scores) - min;
  return Float32Array.from(scores, (s) => (span > 0 ? (s - min) / span : 0));
}

/** Papers in any order; document frequencies come from them, so a term every candidate shares weighs almost nothing. */
export function buildFeatureSpace(papers: readonly TPaper[]): TFeatureSpace {
  const counts = papers.map(paperTerms);
  const df = new Map<number, number>();
  for (const paperCounts of counts) for (const term of paperCounts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = papers.length;
  const idf = (term: number) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  const vectors = counts.map((c) => toVector(c, idf));

  const lists = new Map<number, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(vector.weights[i]!);
    }
  });
  const postings = new Map<number, TPostings>();
  for (const [term, list] of lists) postings.set(term, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });

  const byId = new Map<number, TSparseVector>();
  papers.forEach((paper, i) => byId.set(paper.id, vectors[i]!));
  return {
    papers,
    vectors,
    trend: scaledTrend(papers),
    postings,
    vectorOf(paper) {
      let vector = byId.get(paper.id);
      if (!vector) byId.set(paper.id, (vector = toVector(paperTerms(paper), idf)));
      return vector;
    },
    vectorOfCounts: (c) => toVector(c, idf),
  };
}
