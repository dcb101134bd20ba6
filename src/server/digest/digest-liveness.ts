// Tells a digest run whose process died from a slow one: the heartbeat a running run keeps, and the sweep that fails silent runs and reports stranded rows.
import type { Db } from "../db";
import { logger } from "../logger";
import { STRANDED_AFTER_MS, summarizeStrandedDeliveries } from "../repo/deliveries";
import { failDeadDigestRuns, finishQueuedRunIfDone, listQueuedDigestRunIds, touchDigestRun } from "../repo/digest-runs";

/** How often a running run's process writes its heartbeat. */
const HEARTBEAT_EVERY_MS = 5_000;
/** Six missed heartbeats: no live process is silent this long, so the run's process is gone. */
const RUN_DEAD_AFTER_MS = 30_000;
/** How often the digest worker sweeps (the next trigger sweeps too). */
export const SWEEP_EVERY_MS = 15_000;

/** Keeps `runId`'s heartbeat fresh until stopped. A failed write is logged; six in a row let the sweep fail the run. */
export function startHeartbeat(db: Db, runId: number): { stop: () => void } {
  const timer = setInterval(() => {
    touchDigestRun({ db, runId }).catch((err: unknown) => logger.warn({ err, runId }, "digest run heartbeat not written"));
  }, HEARTBEAT_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Fails `running` runs whose heartbeat stopped, finishes queued runs that only stranded rows held
 * open, and warns about stranded rows when their number is not `alreadyReported`. Returns that number.
 */
export async function sweepDigestRuns(opts: { db: Db; alreadyReported?: number }): Promise<number> {
  const { db } = opts;
  for (const run of await failDeadDigestRuns({ db, silentForMs: RUN_DEAD_AFTER_MS })) {
    logger.warn(
      { runId: run.id, period: run.period, heartbeatAt: run.heartbeatAt },
      "digest run marked failed: its process stopped without finishing; the rows it had claimed stay 'sending' (at most once) and are listed as stranded under /admin/digests",
    );
  }
  for (const runId of await listQueuedDigestRunIds({ db })) await finishQueuedRunIfDone({ db, runId });
  const periods = await summarizeStrandedDeliveries({ db });
  const stranded = periods.reduce((sum, p) => sum + p.count, 0);
  if (stranded > 0 && stranded !== opts.alreadyReported) {
    logger.warn(
      { stranded, periods: periods.map((p) => `${p.period}: ${p.count}`) },
      `digest deliveries stranded in 'sending' for over ${STRANDED_AFTER_MS / 60_000} minutes by a process that stopped; release them under /admin/digests`,
    );
  }
  return stranded;
}
