import { describe, expect, it } from "vitest";
import { keywordPattern, selectDigest } from "@/core/digest";
import { rankPapers } from "@/core/ranking";
import { makePaper, makeSubscriber, NOW } from "./fixtures";

const none = new Set<number>();
const ids = (result: ReturnType<typeof selectDigest>) => result.items.map((item) => item.paper.id);

describe("selectDigest: interests", () => {
  it("matches keywords in title, abstract or keywords, case-insensitively and on whole words", () => {
    const papers = [
      makePaper(1, { title: "Diffusion Models for Video" }),
      makePaper(2, { abstract: "A latent DIFFUSION approach." }),
      makePaper(3, { keywords: ["score-based diffusion"] }),
      makePaper(4, { title: "Superdiffusion in graphs" }),
      makePaper(5, { title: "Transformers all the way" }),
    ];
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber({ keywords: ["diffusion"] }), papers, alreadySent: none });
    expect(ids(result).sort()).toEqual([1, 2, 3]);
    expect(result.items.every((item) => item.why === 'Matches "diffusion"')).toBe(true);
  });

  it("does not match a keyword inside another word, but allows plurals", () => {
    expect(keywordPattern("GAN").test("organic chemistry")).toBe(false);
    expect(keywordPattern("GAN").test("a GAN-based model")).toBe(true);
    expect(keywordPattern("LLM").test("Scaling LLMs")).toBe(true);
    expect(keywordPattern("large language model").test("Large  language\nmodels")).toBe(true);
    expect(keywordPattern("C++").test("fast C++ kernels")).toBe(true);
    expect(keywordPattern("a.b").test("axb")).toBe(false);
  });

  it("matches categories, preferring a keyword as the reason", () => {
    const papers = [
      makePaper(1, { categories: ["cs.CL", "cs.AI"], title: "Parsing" }),
      makePaper(2, { categories: ["cs.CV"], primaryCategory: "cs.CL", title: "Captions" }),
      makePaper(3, { categories: ["cs.CL"], title: "Retrieval for diffusion" }),
      makePaper(4, { categories: ["cs.RO"], title: "Robots" }),
    ];
    const result = selectDigest({
      now: NOW,
      subscriber: makeSubscriber({ keywords: ["diffusion", "retrieval"], categories: ["cs.CL"] }),
      papers,
      alreadySent: none,
    });
    const why = new Map(result.items.map((item) => [item.paper.id, item.why]));
    expect(why).toEqual(
      new Map([
        [1, "In cs.CL"],
        [2, "In cs.CL"],
        [3, 'Matches "diffusion" and "retrieval"'],
      ]),
    );
  });

  it("says Trending when the subscriber has no interests", () => {
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers: [makePaper(1)], alreadySent: none });
    expect(result.items).toMatchObject([{ why: "Trending" }]);
  });

  it("filters to papers with code and enough upvotes", () => {
    const papers = [
      makePaper(1, { githubUrl: "https://github.com/a/b", upvotes: 5 }),
      makePaper(2, { githubUrl: null, upvotes: 50 }),
      makePaper(3, { githubUrl: "  ", upvotes: 50 }),
      makePaper(4, { githubUrl: "https://github.com/c/d", upvotes: 50 }),
    ];
    const subscriber = makeSubscriber({ onlyWithCode: true, minUpvotes: 10 });
    expect(ids(selectDigest({ now: NOW, subscriber, papers, alreadySent: none }))).toEqual([4]);
  });
});

describe("selectDigest: what is new", () => {
  it("never repeats a paper already sent", () => {
    const papers = [makePaper(1), makePaper(2), makePaper(3)];
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: new Set([2]) });
    expect(ids(result).sort()).toEqual([1, 3]);
  });

  it("skips papers listed before the last digest's day", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-25" }), makePaper(2, { listedOn: "2026-11-26" }), makePaper(3)];
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none });
    expect(ids(result).sort()).toEqual([2, 3]);
  });

  it("catches up on a missed day", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-24" }), makePaper(2, { listedOn: "2026-11-25" })];
    const subscriber = makeSubscriber({ lastDigestAt: new Date("2026-11-25T08:00:00Z") });
    expect(ids(selectDigest({ now: NOW, subscriber, papers, alreadySent: none }))).toEqual([2]);
  });

  it("is empty when nothing new matches", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-20" }), makePaper(2, { title: "Unrelated" })];
    const subscriber = makeSubscriber({ keywords: ["diffusion"] });
    expect(selectDigest({ now: NOW, subscriber, papers, alreadySent: new Set([1]) })).toEqual({ items: [] });
    expect(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers: [], alreadySent: none })).toEqual({ items: [] });
  });

  it("skips a row with a malformed listing day instead of failing", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-31" }), makePaper(2)];
    expect(ids(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none }))).toEqual([2]);
  });
});

describe("selectDigest: ranking", () => {
  it("orders by trending score and keeps the top `limit`", () => {
    const papers = Array.from({ length: 15 }, (_, i) => makePaper(i + 1, { upvotes: i * 3 }));
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none });
    expect(ids(result)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    const scores = result.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none, limit: 3 }))).toEqual([15, 14, 13]);
    expect(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none, limit: 0 }).items).toEqual([]);
  });

  it("ranks yesterday's paper with many votes against today's by trending, not by upvotes alone", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-26", upvotes: 40 }), makePaper(2, { listedOn: "2026-11-27", upvotes: 12 })];
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none });
    expect(ids(result)).toEqual([2, 1]);
  });

  it("uses growth when given", () => {
    const papers = [makePaper(1, { upvotes: 10 }), makePaper(2, { upvotes: 10 })];
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none, growthByPaper: new Map([[2, { upvotesGrowth: 9 }]]) });
    expect(ids(result)).toEqual([2, 1]);
  });
});

describe("selectDigest: ranked input", () => {
  it("picks the same papers, reasons and scores from already-ranked candidates without ranking them again", () => {
    const papers = rankPapers(
      Array.from({ length: 60 }, (_, i) =>
        makePaper(i + 1, { upvotes: (i * 37) % 101, title: i % 3 === 0 ? `graph study ${i}` : `vision study ${i}`, categories: [i % 2 ? "cs.CV" : "cs.LG"] }),
      ),
      NOW,
    );
    for (const subscriber of [makeSubscriber(), makeSubscriber({ keywords: ["graph"] }), makeSubscriber({ categories: ["cs.CV"], minUpvotes: 20 })]) {
      for (const limit of [1, 5, 10, 100]) {
        const alreadySent = new Set([papers[0]!.id, papers[7]!.id]);
        const full = selectDigest({ now: NOW, subscriber, papers, alreadySent, limit });
        const fast = selectDigest({ now: NOW, subscriber, papers, alreadySent, limit, ranked: true });
        expect(fast.items.map((item) => [item.paper.id, item.why, item.score])).toEqual(full.items.map((item) => [item.paper.id, item.why, item.score]));
      }
    }
  });
});
