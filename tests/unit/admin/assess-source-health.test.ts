// Source health: stale listings on publishing days, format changes, error rates, with `now` pinned.
import { describe, expect, it } from "vitest";
import { assessSourceHealth, expectedListingDay, healthSources, type THealthRun } from "@/server/admin/assess-source-health";

const run = (id: number, over: Partial<THealthRun> = {}): THealthRun => ({
  id,
  status: "succeeded",
  reason: null,
  found: 30,
  expected: 30,
  skipped: 0,
  createdAt: new Date(`2026-11-2${id % 10}T06:00:00Z`),
  finishedAt: new Date(`2026-11-2${id % 10}T06:01:00Z`),
  ...over,
});

describe("expectedListingDay", () => {
  it("is yesterday for a daily source", () => {
    expect(expectedListingDay("hf-daily", new Date("2026-11-27T09:00:00Z"))).toBe("2026-11-26");
  });
  it("skips weekends for arXiv: on Monday and Sunday the newest owed listing is Friday's", () => {
    expect(expectedListingDay("arxiv-rss", new Date("2026-11-30T09:00:00Z"))).toBe("2026-11-27");
    expect(expectedListingDay("arxiv-rss", new Date("2026-11-29T23:59:00Z"))).toBe("2026-11-27");
    expect(expectedListingDay("arxiv-rss", new Date("2026-12-01T00:00:00Z"))).toBe("2026-11-30");
  });
  it("has no schedule for pasted text", () => {
    expect(expectedListingDay("text", new Date("2026-11-27T09:00:00Z"))).toBeNull();
  });
});

describe("assessSourceHealth", () => {
  const now = new Date("2026-11-27T09:00:00Z");

  it("a source with yesterday's listing and good runs is healthy", () => {
    const h = assessSourceHealth({ source: "hf-daily", runs: [run(7), run(6)], newestListingDay: "2026-11-26", now });
    expect(h.warnings).toEqual([]);
    expect(h.lastSuccess).toEqual({ runId: 7, at: new Date("2026-11-27T06:01:00Z") });
    expect(h.lastRun).toEqual({ runId: 7, status: "succeeded", found: 30, expected: 30 });
    expect(h.errorRate).toBe(0);
  });

  it("warns stale when a daily source misses a day", () => {
    const h = assessSourceHealth({ source: "hf-daily", runs: [run(7)], newestListingDay: "2026-11-25", now });
    expect(h.warnings.map((w) => w.kind)).toEqual(["stale"]);
    expect(h.warnings[0]!.message).toContain("2026-11-26");
  });

  it("does not call arXiv stale over a weekend", () => {
    const monday = new Date("2026-11-30T09:00:00Z");
    expect(assessSourceHealth({ source: "arxiv-rss", runs: [run(7)], newestListingDay: "2026-11-27", now: monday }).warnings).toEqual([]);
    expect(assessSourceHealth({ source: "arxiv-rss", runs: [run(7)], newestListingDay: "2026-11-26", now: monday }).warnings.map((w) => w.kind)).toEqual([
      "stale",
    ]);
  });

  it("flags a format change when the last run found 0 of N, and counts the failure in the error rate", () => {
    const failed = run(8, { status: "failed", found: 0, expected: 30, reason: "format changed? found 0 papers where the source states 30" });
    const h = assessSourceHealth({ source: "hf-daily", runs: [failed, run(7), run(6), run(5)], newestListingDay: "2026-11-26", now });
    expect(h.warnings.map((w) => w.kind)).toEqual(["format"]);
    expect(h.warnings[0]!.message).toContain("0 of 30");
    expect(h.errorRate).toBe(0.25);
    expect(h.lastSuccess?.runId).toBe(7);
  });

  it("a network failure (0 found, nothing expected) is an error but not a format change", () => {
    const h = assessSourceHealth({
      source: "hf-daily",
      runs: [run(8, { status: "failed", found: 0, expected: null, reason: "HTTP 503" })],
      newestListingDay: "2026-11-26",
      now,
    });
    expect(h.warnings).toEqual([]);
    expect(h.errorRate).toBe(1);
    expect(h.lastSuccess).toBeNull();
  });

  it("ignores queued and running runs for the last run and the error rate", () => {
    const h = assessSourceHealth({ source: "hf-daily", runs: [run(9, { status: "running", found: 0 }), run(7)], newestListingDay: "2026-11-26", now });
    expect(h.lastRun?.runId).toBe(7);
    expect(h.finishedRuns).toBe(1);
  });

  it("a configured source never ingested says so, without a stale warning", () => {
    const h = assessSourceHealth({ source: "arxiv-rss", runs: [], newestListingDay: null, now });
    expect(h.warnings.map((w) => w.kind)).toEqual(["never"]);
    expect(h.errorRate).toBeNull();
  });
});

describe("healthSources", () => {
  it("lists configured sources and any with runs or papers, known ones in order", () => {
    expect(healthSources({ configured: ["arxiv-rss"], withRuns: ["text", "hf-daily"], withPapers: ["hf-daily", "legacy"] })).toEqual([
      "hf-daily",
      "arxiv-rss",
      "text",
      "legacy",
    ]);
  });
});
