import { describe, expect, it } from "vitest";
import type { TPaper } from "@/core/paper";
import { rankPapers, trendingScore } from "@/core/ranking";

const NOW = new Date("2026-11-27T15:00:00Z");

function paper(id: number, fields: Partial<TPaper>): TPaper {
  return { id, arxivId: null, title: `Paper ${id}`, abstract: "", authors: [], listedOn: "2026-11-27", upvotes: 0, categories: [], ...fields };
}

describe("rankPapers", () => {
  it("sorts copies by trending score and leaves the input alone", () => {
    const input = [
      paper(1, { upvotes: 300, listedOn: "2026-11-19" }),
      paper(2, { upvotes: 20, listedOn: "2026-11-27" }),
      paper(3, { upvotes: 60, listedOn: "2026-11-26" }),
    ];
    const snapshot = structuredClone(input);
    const ranked = rankPapers(input, NOW);
    expect(ranked.map((p) => p.id)).toEqual([2, 3, 1]);
    expect(ranked[0]?.trendingScore).toBe(trendingScore({ upvotes: 20, listedOn: "2026-11-27" }, NOW));
    expect(input).toEqual(snapshot);
    expect(ranked[0]).not.toBe(input[1]);
  });

  it("lets growth lift a paper over an equal one", () => {
    const papers = [paper(1, { upvotes: 10 }), paper(2, { upvotes: 10 })];
    const ranked = rankPapers(papers, NOW, new Map([[2, { upvotesGrowth: 8 }]]));
    expect(ranked.map((p) => p.id)).toEqual([2, 1]);
  });

  it("breaks ties by id so the order is stable", () => {
    const papers = [paper(9, {}), paper(4, {}), paper(7, {})];
    expect(rankPapers(papers, NOW).map((p) => p.id)).toEqual([4, 7, 9]);
    expect(rankPapers([...papers].reverse(), NOW).map((p) => p.id)).toEqual([4, 7, 9]);
  });
});
