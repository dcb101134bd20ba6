// The one way an ingestion starts, whoever asks (admin form, paste, API, cron, schedule, CLI, demo seeding): validate, record a queued run, hand it to the queue.
import type { TSourceId } from "@/core/sources";
import type { Db } from "../db";
import { AppError, isAppError } from "../errors/app-error";
import { logger } from "../logger";
import { createIngestRun, type TIngestRun } from "../repo/ingest-runs";
import { planFetch } from "./fetch-plans";
import type { TEnqueue } from "./ingest-queue";
import { parseIngestSources, publicParams, runKeyOf, ZIngestParams, type TIngestParams } from "./ingest-params";

/**
 * Records a queued run (CONFLICT with the active run's id when the same source and parameters are already queued
 * or running) and enqueues it; without `enqueue` the caller processes it (processIngestRun) itself.
 */
export async function triggerIngest(opts: {
  db: Db;
  enqueue?: TEnqueue;
  source: TSourceId;
  params: TIngestParams;
  trigger: string;
  actor: string;
  now?: Date;
}): Promise<TIngestRun> {
  const params = ZIngestParams.parse(opts.params);
  planFetch(opts.source, params);
  const run = await createIngestRun({
    db: opts.db,
    source: opts.source,
    params: publicParams(params),
    body: params.body,
    runKey: runKeyOf(opts.source, params),
    trigger: opts.trigger,
    now: opts.now ?? new Date(),
  });
  logger.info({ runId: run.id, runKey: run.runKey, trigger: opts.trigger, actor: opts.actor }, "ingestion run queued");
  if (opts.enqueue) {
    await opts.enqueue(run.id).catch((err: unknown) => logger.warn({ runId: run.id, err }, "could not enqueue run; the worker sweep will pick it up"));
  }
  return run;
}

export type TTriggered = { source: TSourceId; runKey: string; runId: number | null; queued: boolean; reason?: string };

/** Triggers every INGEST_SOURCES entry; one already active is reported with its run id instead of failing the rest. */
export async function triggerConfiguredIngest(opts: { db: Db; enqueue?: TEnqueue; sources: string; trigger: string; now?: Date }): Promise<TTriggered[]> {
  let entries: ReturnType<typeof parseIngestSources>;
  try {
    entries = parseIngestSources(opts.sources);
  } catch (err) {
    throw new AppError("INVALID_INPUT", err instanceof Error ? err.message : String(err), { cause: err });
  }
  const out: TTriggered[] = [];
  for (const { source, params } of entries) {
    const runKey = runKeyOf(source, params);
    try {
      const run = await triggerIngest({ ...opts, source, params, actor: opts.trigger });
      out.push({ source, runKey, runId: run.id, queued: true });
    } catch (err) {
      if (!isAppError(err) || err.code !== "CONFLICT") throw err;
      const runId = typeof err.details?.runId === "number" ? err.details.runId : null;
      out.push({ source, runKey, runId, queued: false, reason: err.message });
    }
  }
  return out;
}
