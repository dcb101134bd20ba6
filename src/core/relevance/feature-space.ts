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

/** tf = 1 + ln(count), times idf, L2-normalised; sorted by term so two vectors' dot product is one merge. */
function toVector(counts: ReadonlyMap<number, number>, idf: (term: number) => number): TSparseVector {
  const terms = Int32Array.from(counts.keys()).sort();
  const weights = new Float32Array(terms.length);
  let norm = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const w = (1 + Math.log(counts.get(term)!)) * idf(term);
    weights[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { terms, weights };
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
