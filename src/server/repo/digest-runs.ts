// The digest_runs table: one row per trigger, with the counts the admin console and cron callers read.
import type { Db } from "../db";
import { dbNow, dbNowMinus } from "./db-clock";
import { countOpenDeliveries, countUnfinishedDeliveries } from "./deliveries";

export type TDigestRunCounts = { due: number; sent: number; skipped: number; failed: number; retried: number };

export type TDigestRun = TDigestRunCounts & {
  id: number;
  period: string;
  trigger: string;
  status: string;
  durationMs: number | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

const runSelect = {
  id: true,
  period: true,
  trigger: true,
  status: true,
  due: true,
  sent: true,
  skipped: true,
  failed: true,
  retried: true,
  durationMs: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** startedAt, finishedAt and durationMs use the wall clock, even when a run is for a chosen `now`. */
export async function createDigestRun(opts: { db: Db; period: string; trigger: string }): Promise<number> {
  const run = await opts.db.digestRun.create({ data: { period: opts.period, trigger: opts.trigger, status: "running" }, select: { id: true } });
  return run.id;
}

export async function setDigestRunDue(opts: { db: Db; runId: number; due: number; status?: string }): Promise<void> {
  await opts.db.digestRun.update({ where: { id: opts.runId }, data: { due: opts.due, ...(opts.status ? { status: opts.status } : {}) } });
}

/** Adds counts atomically, so queue workers on several machines can report into one run. */
export async function addDigestRunCounts(opts: { db: Db; runId: number; counts: Omit<TDigestRunCounts, "due"> }): Promise<void> {
  const { sent, skipped, failed, retried } = opts.counts;
  if (sent + skipped + failed + retried === 0) return;
  await opts.db.$executeRaw`
    UPDATE digest_runs SET sent = sent + ${sent}, skipped = skipped + ${skipped}, failed = failed + ${failed}, retried = retried + ${retried}
    WHERE id = ${opts.runId}`;
}

/**
 * Closes a run: `partial` while any delivery of its period is pending, failed with a retry still
 * scheduled (the next trigger completes it) or stranded (an admin may release it), else `succeeded`;
 * permanent failures are in `failed`.
 */
export async function finishDigestRun(opts: { db: Db; runId: number; error?: string }): Promise<TDigestRun> {
  const run = await opts.db.digestRun.findUniqueOrThrow({ where: { id: opts.runId }, select: { period: true, startedAt: true } });
  const unfinished = await countUnfinishedDeliveries({ db: opts.db, period: run.period });
  const status = opts.error ? "failed" : unfinished > 0 ? "partial" : "succeeded";
  const now = new Date();
  return opts.db.digestRun.update({
    where: { id: opts.runId },
    data: { status, error: opts.error ?? null, finishedAt: now, durationMs: Math.max(0, now.getTime() - run.startedAt.getTime()) },
    select: runSelect,
  });
}

/**
 * Finishes a queued run once no delivery of its period is pending or being sent by a live process
 * (stranded rows do not hold it open). Safe to call from every worker, and from the sweep.
 */
export async function finishQueuedRunIfDone(opts: { db: Db; runId: number }): Promise<void> {
  const run = await opts.db.digestRun.findUnique({ where: { id: opts.runId }, select: { period: true, status: true } });
  if (!run || run.status !== "queued") return;
  if ((await countOpenDeliveries({ db: opts.db, period: run.period })) === 0) await finishDigestRun(opts);
}

export async function listQueuedDigestRunIds(opts: { db: Db }): Promise<number[]> {
  const rows = await opts.db.digestRun.findMany({ where: { status: "queued" }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}

/** The running process's sign of life; a run that was failed as dead stays failed until it finishes on its own. */
export async function touchDigestRun(opts: { db: Db; runId: number }): Promise<void> {
  await opts.db.$executeRaw`UPDATE digest_runs SET "heartbeatAt" = ${dbNow} WHERE id = ${opts.runId} AND status = 'running'`;
}

export type TDeadDigestRun = { id: number; period: string; heartbeatAt: Date };

/** Fails `running` runs whose heartbeat has been silent for `silentForMs` (database clock): their process is gone. */
export async function failDeadDigestRuns(opts: { db: Db; silentForMs: number }): Promise<TDeadDigestRun[]> {
  return opts.db.$queryRaw<TDeadDigestRun[]>`
    UPDATE digest_runs SET status = 'failed', "finishedAt" = ${dbNow},
      "durationMs" = GREATEST(0, (EXTRACT(EPOCH FROM "heartbeatAt" - "startedAt") * 1000)::int),
      error = 'its process stopped without finishing (no heartbeat since ' || to_char("heartbeatAt", 'YYYY-MM-DD HH24:MI:SS') || ' UTC)'
    WHERE status = 'running' AND "heartbeatAt" < ${dbNowMinus(opts.silentForMs)}
    RETURNING id, period, "heartbeatAt"`;
}

export async function getDigestRun(opts: { db: Db; runId: number }): Promise<TDigestRun | null> {
  return opts.db.digestRun.findUnique({ where: { id: opts.runId }, select: runSelect });
}

export async function listDigestRuns(opts: { db: Db; limit?: number }): Promise<TDigestRun[]> {
  return opts.db.digestRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: opts.limit ?? 20, select: runSelect });
}
