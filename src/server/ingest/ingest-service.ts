// The ingestion entry points route handlers call: each wires the process's database, config and queue into one operation.
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { getIngestRun, listIngestRuns, type TIngestRun } from "../repo/ingest-runs";
import { ZIngestRequest } from "./ingest-params";
import { webEnqueue } from "./ingest-queue";
import { triggerConfiguredIngest, triggerIngest, type TTriggered } from "./trigger-ingest";

function enqueue() {
  const url = getConfig().DATABASE_URL ?? process.env.DATABASE_URL;
  return url ? webEnqueue(url) : undefined;
}

/** Validates an admin's JSON request body (anything else is INVALID_INPUT) and queues the run. */
export async function queueIngestRequest(opts: { body: unknown; actor: string }): Promise<TIngestRun> {
  const parsed = ZIngestRequest.parse(opts.body);
  const { source, ...params } = parsed;
  return triggerIngest({ db: getDb(), enqueue: enqueue(), source, params, trigger: "admin", actor: opts.actor });
}

export async function queueConfiguredIngest(opts: { trigger: string }): Promise<TTriggered[]> {
  return triggerConfiguredIngest({ db: getDb(), enqueue: enqueue(), sources: getConfig().INGEST_SOURCES, trigger: opts.trigger });
}

export async function readIngestRun(opts: { id: string }): Promise<TIngestRun> {
  if (!/^\d{1,9}$/.test(opts.id)) throw new AppError("NOT_FOUND", `no ingestion run ${opts.id}`);
  return getIngestRun({ db: getDb(), id: Number(opts.id) });
}

export async function readIngestRuns(opts: { limit: number; cursor?: number }) {
  return listIngestRuns({ db: getDb(), ...opts });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", 'the request body must be JSON, e.g. {"source":"hf-daily","date":"2026-05-08"}');
  }
}
