// Judges one source's health from its recent runs and newest listing day: the dashboard's warnings come from here. Pure; `now` comes in.
import { SOURCE_IDS } from "@/core/sources";

export type THealthRun = {
  id: number;
  status: "queued" | "running" | "succeeded" | "partial" | "failed";
  reason: string | null;
  found: number;
  expected: number | null;
  skipped: number;
  createdAt: Date;
  finishedAt: Date | null;
};

export type TSourceHealth = {
  source: string;
  lastSuccess: { runId: number; at: Date } | null;
  newestListingDay: string | null;
  lastRun: { runId: number; status: THealthRun["status"]; found: number; expected: number | null } | null;
  /** Failed share of the finished runs considered, 0..1; null with no finished runs. */
  errorRate: number | null;
  finishedRuns: number;
  warnings: { kind: "stale" | "format" | "never"; message: string }[];
};

/** Which UTC weekdays (0 = Sunday) a source lists papers on; sources absent here have no schedule. */
const PUBLISHING_DAYS: Readonly<Record<string, readonly number[]>> = {
  "hf-daily": [0, 1, 2, 3, 4, 5, 6],
  "hf-page": [0, 1, 2, 3, 4, 5, 6],
  "arxiv-list": [1, 2, 3, 4, 5],
  "arxiv-rss": [1, 2, 3, 4, 5],
  "arxiv-api": [1, 2, 3, 4, 5],
};

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The newest day whose listing should exist by now: the latest publishing day before today (UTC).
 * Today is left out because a day's listing appears during that day.
 */
export function expectedListingDay(source: string, now: Date): string | null {
  const days = PUBLISHING_DAYS[source];
  if (!days || days.length === 0) return null;
  for (let back = 1; back <= 7; back++) {
    const d = new Date(now.getTime() - back * DAY_MS);
    if (days.includes(d.getUTCDay())) return isoDay(d);
  }
  return null;
}

const isFinished = (r: THealthRun) => r.status === "succeeded" || r.status === "partial" || r.status === "failed";

/** `runs` newest first. */
export function assessSourceHealth(opts: { source: string; runs: readonly THealthRun[]; newestListingDay: string | null; now: Date }): TSourceHealth {
  const { source, runs, newestListingDay, now } = opts;
  const finished = runs.filter(isFinished);
  const success = finished.find((r) => r.status !== "failed");
  const last = finished[0];
  const warnings: TSourceHealth["warnings"] = [];

  if (runs.length === 0 && !newestListingDay) {
    warnings.push({ kind: "never", message: "Never ingested." });
  }
  const expectedDay = expectedListingDay(source, now);
  if (expectedDay && (runs.length > 0 || newestListingDay) && (!newestListingDay || newestListingDay < expectedDay)) {
    warnings.push({
      kind: "stale",
      message: `Stale: newest listing is ${newestListingDay ?? "none"}, but the source publishes a listing for ${expectedDay}.`,
    });
  }
  if (last && last.status === "failed" && last.found === 0 && ((last.expected ?? 0) > 0 || /format/i.test(last.reason ?? ""))) {
    warnings.push({
      kind: "format",
      message: `Format changed? The last run found 0 of ${last.expected ?? "?"} papers${last.reason ? ` (${last.reason})` : ""}.`,
    });
  }
  return {
    source,
    lastSuccess: success ? { runId: success.id, at: success.finishedAt ?? success.createdAt } : null,
    newestListingDay,
    lastRun: last ? { runId: last.id, status: last.status, found: last.found, expected: last.expected } : null,
    errorRate: finished.length ? finished.filter((r) => r.status === "failed").length / finished.length : null,
    finishedRuns: finished.length,
    warnings,
  };
}

/** Sources worth a row: the configured ones, plus any with runs or papers; in SOURCE_IDS order. */
export function healthSources(opts: { configured: readonly string[]; withRuns: Iterable<string>; withPapers: Iterable<string> }): string[] {
  const wanted = new Set([...opts.configured, ...opts.withRuns, ...opts.withPapers]);
  const known: string[] = SOURCE_IDS.filter((s) => wanted.has(s));
  return [...known, ...[...wanted].filter((s) => !known.includes(s)).sort()];
}
