// The upvote and star growth the trending score reads, from a paper's metric history taken at uneven times.
import { describe, expect, it } from "vitest";
import { growthFrom } from "@/core/ranking";

describe("growthFrom", () => {
  it("measures the increase since the last snapshot at least 24 h before the newest", () => {
    const growth = growthFrom([
      { capturedAt: "2026-11-25T12:00:00Z", upvotes: 1, githubStars: 10 },
      { capturedAt: "2026-11-26T11:00:00Z", upvotes: 5, githubStars: 20 },
      { capturedAt: "2026-11-26T18:00:00Z", upvotes: 9, githubStars: 30 },
      { capturedAt: new Date("2026-11-27T11:00:00Z"), upvotes: 25, githubStars: 80 },
    ]);
    expect(growth).toEqual({ upvotesGrowth: 20, starsGrowth: 60 });
  });

  it("does not change as time passes without a new reading", () => {
    const snapshots = [
      { capturedAt: "2026-11-26T02:00:00Z", upvotes: 3 },
      { capturedAt: "2026-11-26T10:00:00Z", upvotes: 15 },
    ];
    expect(growthFrom(snapshots)).toEqual({ upvotesGrowth: 12, starsGrowth: 0 });
    expect(growthFrom([...snapshots].reverse())).toEqual({ upvotesGrowth: 12, starsGrowth: 0 });
  });

  it("scales a gap longer than a day down to a 24 h rate", () => {
    const growth = growthFrom([
      { capturedAt: "2026-11-23T12:00:00Z", upvotes: 0 },
      { capturedAt: "2026-11-27T12:00:00Z", upvotes: 40 },
    ]);
    expect(growth.upvotesGrowth).toBe(10);
  });

  it("tracks stars and upvotes separately when snapshots carry only one", () => {
    const growth = growthFrom([
      { capturedAt: "2026-11-26T06:00:00Z", githubStars: 100, upvotes: null },
      { capturedAt: "2026-11-26T09:00:00Z", upvotes: 4 },
      { capturedAt: "2026-11-27T06:00:00Z", githubStars: 150 },
      { capturedAt: "2026-11-27T09:00:00Z", upvotes: 10 },
    ]);
    expect(growth).toEqual({ upvotesGrowth: 6, starsGrowth: 50 });
  });

  it("ignores invalid dates and counts decreases as zero", () => {
    const growth = growthFrom([
      { capturedAt: "2026-11-26T10:00:00Z", upvotes: 10, githubStars: 500 },
      { capturedAt: "not a date", upvotes: 1_000 },
      { capturedAt: "2026-11-27T10:00:00Z", upvotes: 12, githubStars: 450 },
    ]);
    expect(growth).toEqual({ upvotesGrowth: 2, starsGrowth: 0 });
  });

  it("is zero with fewer than two readings", () => {
    expect(growthFrom([])).toEqual({ upvotesGrowth: 0, starsGrowth: 0 });
    expect(growthFrom([{ capturedAt: "2026-11-27T10:00:00Z", upvotes: 7, githubStars: 3 }])).toEqual({ upvotesGrowth: 0, starsGrowth: 0 });
  });
});
