// Ingests a listing body in a test the way the CLI does: a run triggered and processed in this process, through the one ingestion path.
import type { TSourceId } from "../../../src/core/sources";
import type { Db } from "../../../src/server/db";
import { runIngestNow } from "../../../src/server/ingest/run-ingest-now";

export function ingestBody(opts: { db: Db; source: TSourceId; body: string; now: Date }) {
  return runIngestNow({ db: opts.db, source: opts.source, params: { body: opts.body }, trigger: "test", actor: "test", clock: () => opts.now });
}
