// Ingestion runs as plain objects: create (one active run per key), claim, progress, finish, read and list.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";

type TRunStatus = "queued" | "running" | "succeeded" | "partial" | "failed";

type TRunError = { message: string; index?: number; id?: string; page?: number };

export type TIngestRun = {
  id: number;
  source: string;
  params: Record<string, unknown>;
  runKey: string;
  trigger: string;
  status: TRunStatus;
  reason: string | null;
  counts: { found: number; expected: number | null; inserted: number; updated: number; unchanged: number; skipped: number };
  errors: TRunError[];
  timings: Record<string, number>;
  newestListedOn: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TRunOutcome = {
  status: Exclude<TRunStatus, "queued" | "running">;
  reason?: string | null;
  found?: number;
  expected?: number | null;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  skipped?: number;
  errors?: TRunError[];
  timings?: Record<string, number>;
  newestListedOn?: string | null;
};

type Row = Awaited<ReturnType<Db["ingestRun"]["findUniqueOrThrow"]>>;

const MAX_STORED_ERRORS = 200;

function toRun(row: Row): TIngestRun {
  return {
    id: row.id,
    source: row.source,
    params: row.params as Record<string, unknown>,
    runKey: row.runKey,
    trigger: row.trigger,
    status: row.status,
    reason: row.reason,
    counts: { found: row.found, expected: row.expected, inserted: row.inserted, updated: row.updated, unchanged: row.unchanged, skipped: row.skipped },
    errors: row.errors as TRunError[],
    timings: row.timings as Record<string, number>,
    newestListedOn: row.newestListedOn?.toISOString().slice(0, 10) ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; message?: string; cause?: { code?: string } } | null;
  return e?.code === "P2002" || e?.cause?.code === "23505" || /unique constraint/i.test(e?.message ?? "");
};

/**
 * Creates a queued run, or throws CONFLICT carrying the id of the run already queued or running for the same key.
 * `params` are the ones shown; a pasted `body` is kept apart, only until the run finishes.
 */
export async function createIngestRun(opts: {
  db: Db;
  source: string;
  params: Record<string, unknown>;
  body?: string;
  runKey: string;
  trigger: string;
  now: Date;
}): Promise<TIngestRun> {
  const { db, source, params, body, runKey, trigger, now } = opts;
  try {
    return toRun(
      await db.ingestRun.create({ data: { source, params: params as object, body: body ?? null, runKey, trigger, status: "queued", createdAt: now } }),
    );
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const active = await db.ingestRun.findFirst({ where: { runKey, status: { in: ["queued", "running"] } }, orderBy: { id: "desc" } });
    throw new AppError("CONFLICT", `an ingestion of ${runKey} is already ${active?.status ?? "active"}${active ? ` (run ${active.id})` : ""}`, {
      details: active ? { runId: active.id } : undefined,
      cause: err,
    });
  }
}

/** Moves a queued run to running; false when another worker already took it (or it is gone). */
export async function claimIngestRun(opts: { db: Db; id: number; now: Date }): Promise<boolean> {
  const { count } = await opts.db.ingestRun.updateMany({ where: { id: opts.id, status: "queued" }, data: { status: "running", startedAt: opts.now } });
  return count === 1;
}

export async function recordIngestProgress(opts: { db: Db; id: number; found: number; timings: Record<string, number> }): Promise<void> {
  await opts.db.ingestRun.update({ where: { id: opts.id }, data: { found: opts.found, timings: opts.timings } });
}

export async function finishIngestRun(opts: { db: Db; id: number; outcome: TRunOutcome; now: Date }): Promise<TIngestRun> {
  const { outcome } = opts;
  const row = await opts.db.ingestRun.update({
    where: { id: opts.id },
    data: {
      status: outcome.status,
      reason: outcome.reason ?? null,
      found: outcome.found ?? 0,
      expected: outcome.expected ?? null,
      inserted: outcome.inserted ?? 0,
      updated: outcome.updated ?? 0,
      unchanged: outcome.unchanged ?? 0,
      skipped: outcome.skipped ?? 0,
      errors: (outcome.errors ?? []).slice(0, MAX_STORED_ERRORS),
      timings: outcome.timings ?? {},
      newestListedOn: outcome.newestListedOn ? new Date(outcome.newestListedOn) : null,
      body: null,
      finishedAt: opts.now,
    },
  });
  return toRun(row);
}

export async function getIngestRun(opts: { db: Db; id: number }): Promise<TIngestRun> {
  const row = await opts.db.ingestRun.findUnique({ where: { id: opts.id } });
  if (!row) throw new AppError("NOT_FOUND", `no ingestion run ${opts.id}`);
  return toRun(row);
}

/** What the worker needs to process a run: its source, parameters and pasted body. */
export async function getIngestRunInput(opts: {
  db: Db;
  id: number;
}): Promise<{ source: string; params: Record<string, unknown>; body: string | null } | null> {
  const row = await opts.db.ingestRun.findUnique({ where: { id: opts.id }, select: { source: true, params: true, body: true } });
  return row && { source: row.source, params: row.params as Record<string, unknown>, body: row.body };
}

/** Newest first; `cursor` is the last id of the previous page. */
export async function listIngestRuns(opts: { db: Db; limit: number; cursor?: number }): Promise<{ runs: TIngestRun[]; nextCursor: number | null }> {
  const rows = await opts.db.ingestRun.findMany({
    where: opts.cursor ? { id: { lt: opts.cursor } } : undefined,
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit).map(toRun);
  return { runs: page, nextCursor: rows.length > opts.limit ? page.at(-1)!.id : null };
}

export async function listQueuedRunIds(opts: { db: Db; createdBefore: Date }): Promise<number[]> {
  const rows = await opts.db.ingestRun.findMany({
    where: { status: "queued", createdAt: { lt: opts.createdBefore } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/** Fails runs left "running" by a process that died, so their key can run again. */
export async function failAbandonedRuns(opts: { db: Db; startedBefore: Date; now: Date }): Promise<number> {
  const { count } = await opts.db.ingestRun.updateMany({
    where: { status: "running", startedAt: { lt: opts.startedBefore } },
    data: { status: "failed", reason: "abandoned: the worker stopped before finishing", body: null, finishedAt: opts.now },
  });
  return count;
}

/** The trigger of the runs that load the demo listings into an empty database. */
export const DEMO_TRIGGER = "demo";

/** True while every stored paper came from the demo listings: no other run has written a paper yet. */
export async function isDemoFeed(opts: { db: Db }): Promise<boolean> {
  const [row] = await opts.db.$queryRaw<{ demo: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM papers) AND NOT EXISTS (
      SELECT 1 FROM ingest_runs WHERE trigger <> ${DEMO_TRIGGER} AND (inserted > 0 OR updated > 0)
    ) AS demo`;
  return row?.demo ?? false;
}
