// Which papers a subscriber's digest holds: those matching their interests, never one sent before, only what was listed since the last one, in trending order up to the limit.
import { describe, expect, it } from "vitest";
import { keywordPattern, selectDigest } from "@/core/digest";
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

  it("is empty when nothing new matches, and names the days it looked at", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-20" }), makePaper(2, { title: "Unrelated" })];
    const subscriber = makeSubscriber({ keywords: ["diffusion"] });
    const lookedAt = { from: "2026-11-26", to: "2026-11-27" };
    expect(selectDigest({ now: NOW, subscriber, papers, alreadySent: new Set([1]) })).toEqual({ items: [], listed: lookedAt });
    expect(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers: [], alreadySent: none })).toEqual({ items: [], listed: lookedAt });
  });

  it("skips a row with a malformed listing day instead of failing", () => {
    const papers = [makePaper(1, { listedOn: "2026-11-31" }), makePaper(2)];
    expect(ids(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none }))).toEqual([2]);
  });
});

describe("selectDigest: order", () => {
  it("keeps the candidates' trending order and the top `limit` of the matches", () => {
    const papers = Array.from({ length: 15 }, (_, i) => makePaper(15 - i, { upvotes: (15 - i) * 3 }));
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none });
    expect(ids(result)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(ids(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none, limit: 3 }))).toEqual([15, 14, 13]);
    expect(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none, limit: 0 }).items).toEqual([]);
  });

  it("never reorders: the digest says what the feed says", () => {
    const papers = [makePaper(1, { upvotes: 2 }), makePaper(2, { upvotes: 90 }), makePaper(3, { upvotes: 40 })];
    expect(ids(selectDigest({ now: NOW, subscriber: makeSubscriber(), papers, alreadySent: none }))).toEqual([1, 2, 3]);
  });

  it("skips what does not match and still fills up to the limit from further down", () => {
    const papers = Array.from({ length: 30 }, (_, i) => makePaper(i + 1, { title: i % 3 === 0 ? `graph study ${i}` : `vision study ${i}` }));
    const result = selectDigest({ now: NOW, subscriber: makeSubscriber({ keywords: ["graph"] }), papers, alreadySent: new Set([1]), limit: 4 });
    expect(ids(result)).toEqual([4, 7, 10, 13]);
  });
});
