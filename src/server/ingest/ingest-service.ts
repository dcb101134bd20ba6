// The ingestion entry points pages, actions and route handlers call: each wires the process's database, config and queue into one operation.
import type { z } from "zod";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { assertFetchableUrl } from "../fetch/address-policy";
import { recordAudit } from "../repo/audit-log";
import { ZIngestRunParams } from "../http/api-schemas";
import { getIngestRun, listIngestRuns, type TIngestRun } from "../repo/ingest-runs";
import { publicParams, type ZIngestRequest } from "./ingest-params";
import { webEnqueue } from "./ingest-queue";
import { triggerConfiguredIngest, triggerIngest, type TTriggered } from "./trigger-ingest";

export type TIngestRequest = z.infer<typeof ZIngestRequest>;

function enqueue() {
  const url = getConfig().DATABASE_URL ?? process.env.DATABASE_URL;
  return url ? webEnqueue(url) : undefined;
}

/** An admin's request (the console's form, a paste, or the JSON API), already parsed with ZIngestRequest: queued and audited. */
export async function queueIngest(opts: { request: TIngestRequest; actor: string }): Promise<TIngestRun> {
  const { source, ...params } = opts.request;
  // A URL the fetcher would refuse (a host off the allow-list, a private address) is the request's fault, said now, not a failed run later.
  if (params.url !== undefined) {
    try {
      assertFetchableUrl(params.url, { allowLoopback: getConfig().FETCH_ALLOW_LOOPBACK });
    } catch (err) {
      throw new AppError("INVALID_INPUT", `url: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  const db = getDb();
  const run = await triggerIngest({ db, enqueue: enqueue(), source, params, trigger: "admin", actor: opts.actor });
  const action = params.body !== undefined ? "ingest.paste" : "ingest.trigger";
  await recordAudit({ db, actor: opts.actor, action, params: { source, ...publicParams(params), runId: run.id }, now: new Date() });
  return run;
}

export async function queueConfiguredIngest(opts: { trigger: string }): Promise<TTriggered[]> {
  return triggerConfiguredIngest({ db: getDb(), enqueue: enqueue(), sources: getConfig().INGEST_SOURCES, trigger: opts.trigger });
}

export async function readIngestRun(opts: { id: string }): Promise<TIngestRun> {
  if (!ZIngestRunParams.safeParse(opts).success) throw new AppError("NOT_FOUND", `no ingestion run ${opts.id}`);
  return getIngestRun({ db: getDb(), id: Number(opts.id) });
}

export async function readIngestRuns(opts: { limit: number; cursor?: number }) {
  return listIngestRuns({ db: getDb(), ...opts });
}
