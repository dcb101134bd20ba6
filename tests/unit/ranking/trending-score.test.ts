// The trending score that orders the front page: votes and stars and their growth, a day's age as a factor e, and an order that never goes stale.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { trendingScore } from "@/core/ranking";

/** The ordering the stored score stands for: attention decayed by a factor e per day of age, at instant `now`. */
const decayedAt = (score: number, now: Date) => Math.exp(score - now.getTime() / 86_400_000);
/** A score's points (the attention before decay) for a paper listed on 2026-11-27. */
const pointsOn27 = (score: number) => Math.exp(score - Date.UTC(2026, 10, 27) / 86_400_000);

describe("trending score", () => {
  it("ranks a fresh paper gaining votes above a week-old paper with many", () => {
    const fresh = trendingScore({ upvotes: 12, upvotesGrowth: 12, listedOn: "2026-11-27" });
    const weekOld = trendingScore({ upvotes: 400, githubStars: 5_000, upvotesGrowth: 3, listedOn: "2026-11-20" });
    expect(fresh).toBeGreaterThan(weekOld);
  });

  it("ranks a paper gaining votes above an equally voted one of the same day that is not", () => {
    const gaining = trendingScore({ upvotes: 30, upvotesGrowth: 25, listedOn: "2026-11-26" });
    const stalled = trendingScore({ upvotes: 30, upvotesGrowth: 0, listedOn: "2026-11-26" });
    expect(gaining).toBeGreaterThan(stalled);
  });

  it("lets a much more popular paper of yesterday stay above a quiet one of today", () => {
    expect(trendingScore({ upvotes: 60, listedOn: "2026-11-26" })).toBeGreaterThan(trendingScore({ upvotes: 5, listedOn: "2026-11-27" }));
  });

  it("grows strictly with upvotes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 60 }), (votes, extra, daysOld) => {
        const listedOn = new Date(Date.UTC(2026, 10, 27) - daysOld * 86_400_000).toISOString().slice(0, 10);
        expect(trendingScore({ upvotes: votes + extra, listedOn })).toBeGreaterThan(trendingScore({ upvotes: votes, listedOn }));
      }),
    );
  });

  it("orders two papers the same way at every instant, so a stored order never goes stale", () => {
    const day = fc.integer({ min: 0, max: 30 }).map((d) => new Date(Date.UTC(2026, 10, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const paper = fc.record({ upvotes: fc.integer({ min: 0, max: 5_000 }), githubStars: fc.integer({ min: 0, max: 50_000 }), listedOn: day });
    fc.assert(
      fc.property(paper, paper, fc.integer({ min: 0, max: 60 * 24 }), (a, b, hours) => {
        const early = new Date(Date.UTC(2026, 10, 1));
        const late = new Date(early.getTime() + hours * 3_600_000);
        const [sa, sb] = [trendingScore(a), trendingScore(b)];
        expect(Math.sign(decayedAt(sa, early) - decayedAt(sb, early))).toBe(Math.sign(decayedAt(sa, late) - decayedAt(sb, late)));
      }),
    );
  });

  it("loses a factor e of attention per day of age", () => {
    const today = trendingScore({ upvotes: 50, githubStars: 200, listedOn: "2026-11-27" });
    const yesterday = trendingScore({ upvotes: 50, githubStars: 200, listedOn: "2026-11-26" });
    expect(today - yesterday).toBeCloseTo(1, 10);
  });

  it("counts stars, but sublinearly", () => {
    const score = (githubStars: number) => pointsOn27(trendingScore({ upvotes: 10, githubStars, listedOn: "2026-11-27" }));
    const gain10 = score(10) - score(0);
    const gain100 = score(100) - score(10);
    const gain10k = score(10_000) - score(1_000);
    expect(gain10).toBeGreaterThan(0);
    expect(gain100).toBeGreaterThan(0);
    // Each tenfold step adds about the same, so 9,000 more stars add little more than 90 more do.
    expect(gain10k).toBeLessThan(1.1 * gain100);
    expect(gain10k / 9_000).toBeLessThan(gain100 / 90 / 50);
    // A 10k-star repo is worth fewer than 30 upvotes.
    expect(score(10_000)).toBeLessThan(pointsOn27(trendingScore({ upvotes: 40, githubStars: 0, listedOn: "2026-11-27" })));
  });

  it("counts star growth, also sublinearly", () => {
    const score = (starsGrowth: number) => pointsOn27(trendingScore({ upvotes: 10, starsGrowth, listedOn: "2026-11-27" }));
    expect(score(100)).toBeGreaterThan(score(0));
    expect(score(10_000) - score(100)).toBeLessThan(100 * (score(100) - score(0)));
  });

  it("treats missing, negative and non-finite counts as zero", () => {
    const base = trendingScore({ upvotes: 0, listedOn: "2026-11-27" });
    expect(trendingScore({ upvotes: -5, githubStars: null, upvotesGrowth: Number.NaN, starsGrowth: -1, listedOn: "2026-11-27" })).toBe(base);
    expect(Number.isFinite(base)).toBe(true);
  });

  it("rejects an invalid listing day", () => {
    expect(() => trendingScore({ upvotes: 1, listedOn: "2026-02-30" })).toThrow(RangeError);
  });
});
