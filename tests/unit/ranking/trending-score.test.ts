import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { trendingScore } from "@/core/ranking";

const NOW = new Date("2026-11-27T15:00:00Z");

describe("trending score", () => {
  it("ranks a fresh paper gaining votes above a week-old paper with many", () => {
    const fresh = trendingScore({ upvotes: 12, upvotesGrowth: 12, listedOn: "2026-11-27" }, NOW);
    const weekOld = trendingScore({ upvotes: 400, githubStars: 5_000, upvotesGrowth: 3, listedOn: "2026-11-20" }, NOW);
    expect(fresh).toBeGreaterThan(weekOld);
  });

  it("ranks a paper gaining votes above an equally voted one of the same day that is not", () => {
    const gaining = trendingScore({ upvotes: 30, upvotesGrowth: 25, listedOn: "2026-11-26" }, NOW);
    const stalled = trendingScore({ upvotes: 30, upvotesGrowth: 0, listedOn: "2026-11-26" }, NOW);
    expect(gaining).toBeGreaterThan(stalled);
  });

  it("grows strictly with upvotes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 60 }), (votes, extra, daysOld) => {
        const listedOn = new Date(NOW.getTime() - daysOld * 86_400_000).toISOString().slice(0, 10);
        expect(trendingScore({ upvotes: votes + extra, listedOn }, NOW)).toBeGreaterThan(trendingScore({ upvotes: votes, listedOn }, NOW));
      }),
    );
  });

  it("decays as the paper ages", () => {
    const paper = { upvotes: 50, githubStars: 200, listedOn: "2026-11-20" };
    const at = (iso: string) => trendingScore(paper, new Date(iso));
    expect(at("2026-11-20T06:00:00Z")).toBeGreaterThan(at("2026-11-21T06:00:00Z"));
    expect(at("2026-11-21T06:00:00Z")).toBeGreaterThan(at("2026-11-27T06:00:00Z"));
    expect(at("2026-11-27T06:00:00Z")).toBeGreaterThan(0);
  });

  it("treats a paper listed after now as brand new rather than scoring it above brand new", () => {
    expect(trendingScore({ upvotes: 5, listedOn: "2026-11-28" }, NOW)).toBe(
      trendingScore({ upvotes: 5, listedOn: "2026-11-27" }, new Date("2026-11-27T00:00:00Z")),
    );
  });

  it("counts stars, but sublinearly", () => {
    const score = (githubStars: number) => trendingScore({ upvotes: 10, githubStars, listedOn: "2026-11-27" }, NOW);
    const gain10 = score(10) - score(0);
    const gain100 = score(100) - score(10);
    const gain10k = score(10_000) - score(1_000);
    expect(gain10).toBeGreaterThan(0);
    expect(gain100).toBeGreaterThan(0);
    // Each tenfold step adds about the same, so 9,000 more stars add little more than 90 more do.
    expect(gain10k).toBeLessThan(1.1 * gain100);
    expect(gain10k / 9_000).toBeLessThan(gain100 / 90 / 50);
    // A 10k-star repo is worth fewer than 30 upvotes.
    expect(score(10_000)).toBeLessThan(trendingScore({ upvotes: 40, githubStars: 0, listedOn: "2026-11-27" }, NOW));
  });

  it("counts star growth, also sublinearly", () => {
    const score = (starsGrowth: number) => trendingScore({ upvotes: 10, starsGrowth, listedOn: "2026-11-27" }, NOW);
    expect(score(100)).toBeGreaterThan(score(0));
    expect(score(10_000) - score(100)).toBeLessThan(100 * (score(100) - score(0)));
  });

  it("treats missing, negative and non-finite counts as zero", () => {
    const base = trendingScore({ upvotes: 0, listedOn: "2026-11-27" }, NOW);
    expect(trendingScore({ upvotes: -5, githubStars: null, upvotesGrowth: Number.NaN, starsGrowth: -1, listedOn: "2026-11-27" }, NOW)).toBe(base);
    expect(base).toBeGreaterThan(0);
  });

  it("is deterministic", () => {
    const input = { upvotes: 77, githubStars: 1234, upvotesGrowth: 9, starsGrowth: 40, listedOn: "2026-11-25" };
    expect(trendingScore(input, NOW)).toBe(trendingScore({ ...input }, new Date(NOW.getTime())));
  });

  it("rejects an invalid listing day", () => {
    expect(() => trendingScore({ upvotes: 1, listedOn: "2026-02-30" }, NOW)).toThrow(RangeError);
  });
});
