// Turns a paper's metric snapshots into its upvote and star growth, the momentum term of the trending score.
import { MS_PER_DAY } from "@/core/periods/utc-date";

export type TMetricSnapshot = {
  capturedAt: Date | string;
  upvotes?: number | null;
  githubStars?: number | null;
};

export type TGrowth = { upvotesGrowth: number; starsGrowth: number };

type TReading = { at: number; value: number };

function readings(snapshots: readonly TMetricSnapshot[], pick: (s: TMetricSnapshot) => number | null | undefined): TReading[] {
  const out: TReading[] = [];
  for (const snapshot of snapshots) {
    const at = new Date(snapshot.capturedAt).getTime();
    const value = pick(snapshot);
    if (Number.isFinite(at) && value !== null && value !== undefined && Number.isFinite(value)) out.push({ at, value });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Growth of one metric over the 24 h before its newest reading: that reading minus the last one at least
 * 24 h older. When the gap to it is longer than 24 h the growth is scaled down to a 24 h rate, so a missed
 * ingestion run does not look like a spike. With no reading that old, the earliest one is the baseline
 * (growth since tracking began). Decreases count as zero. Measured from the newest reading rather than from
 * the clock, growth only changes when a reading arrives, like the rest of the score.
 */
function growthOf(series: readonly TReading[]): number {
  const latest = series.at(-1);
  const first = series[0];
  if (!latest || !first) return 0;
  const cutoff = latest.at - MS_PER_DAY;
  const baseline = series.findLast((r) => r.at <= cutoff) ?? first;
  const delta = Math.max(0, latest.value - baseline.value);
  const span = latest.at - baseline.at;
  return span > MS_PER_DAY ? (delta * MS_PER_DAY) / span : delta;
}

export function growthFrom(snapshots: readonly TMetricSnapshot[]): TGrowth {
  return {
    upvotesGrowth: growthOf(readings(snapshots, (s) => s.upvotes)),
    starsGrowth: growthOf(readings(snapshots, (s) => s.githubStars)),
  };
}
