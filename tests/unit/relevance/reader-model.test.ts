// The relevance model on fixed inputs: tf-idf vectors, the profile a reader's presses make, and sparse scoring.
import { describe, expect, it } from "vitest";
import type { TPaper } from "@/core/paper";
import { buildFeatureSpace, scoreCandidates, trainReaderModel, type TFeedbackExample } from "@/core/relevance";
import { makePaper } from "../digest/fixtures";

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}x`).join(" ");
const papers: TPaper[] = [
  makePaper(1, { title: "Graph neural networks", abstract: "Message passing on molecular graphs.", categories: ["cs.LG"] }),
  makePaper(2, { title: "Speech recognition", abstract: "Acoustic models for noisy speech.", categories: ["eess.AS"] }),
  makePaper(3, { title: "Graph transformers", abstract: "Attention over molecular graphs.", categories: ["cs.LG"], authors: ["Grace Hopper"] }),
  makePaper(4, { title: "Long documents", abstract: words("w", 800), categories: ["cs.DL"] }),
];
const example = (paper: TPaper, kind: "more" | "less"): TFeedbackExample => ({ paperId: paper.id, kind, ...paper });

describe("relevance: vectors and profile", () => {
  const space = buildFeatureSpace(papers);

  it("has unit-length vectors and a trend scaled to 0..1", () => {
    for (const vector of space.vectors) expect(vector.weights.reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 5);
    const trended = buildFeatureSpace(papers.map((p, i) => ({ ...p, trendingScore: 10 + i })));
    expect([...trended.trend]).toEqual([0, 1 / 3, 2 / 3, 1].map((x) => Math.fround(x)));
  });

  it("has no model without feedback", () => {
    expect(trainReaderModel(space, { feedback: [], keywords: ["graph"] })).toBeNull();
  });

  it("scores candidates by cosine with the profile: the liked topic up, the disliked one down", () => {
    const model = trainReaderModel(space, { feedback: [example(papers[0]!, "more"), example(papers[1]!, "less")], keywords: [] })!;
    const scores = scoreCandidates(space, model);
    expect(scores[2]).toBeGreaterThan(0.1);
    expect(scores[1]).toBeLessThan(0);
    // Only the default author links the unrelated paper to them.
    expect(Math.abs(scores[3]!)).toBeLessThan(scores[2]! / 10);
    // The same sum the inverted index computes, term by term.
    const profile = new Map([...model.terms].map((t, i) => [t, model.weights[i]!]));
    const v = space.vectors[2]!;
    expect(scores[2]).toBeCloseTo(
      [...v.terms].reduce((s, t, i) => s + (profile.get(t) ?? 0) * v.weights[i]!, 0),
      5,
    );
  });

  it("keeps the 100 strongest terms of a long profile, unit length", () => {
    const model = trainReaderModel(space, { feedback: [example(papers[3]!, "more"), example(papers[0]!, "more")], keywords: [] })!;
    expect(model.terms.length).toBe(100);
    expect(model.weights.reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 4);
    const all = [...space.vectors[3]!.weights.map((w) => w / 2), ...space.vectors[0]!.weights.map((w) => w / 2)].sort((a, b) => b - a);
    const kept = Math.min(...model.weights);
    const scale = Math.max(...model.weights) / all[0]!;
    expect(kept / scale).toBeGreaterThanOrEqual(all[99]! - 1e-6);
  });

  it("learns the same model whatever else it trained before (no state kept between readers)", () => {
    const feedback = [example(papers[2]!, "more")];
    const first = trainReaderModel(space, { feedback, keywords: ["speech"] })!;
    trainReaderModel(space, { feedback: [example(papers[3]!, "less")], keywords: [] });
    const again = trainReaderModel(space, { feedback, keywords: ["speech"] })!;
    expect([...again.terms]).toEqual([...first.terms]);
    expect([...again.weights]).toEqual([...first.weights]);
  });
});
