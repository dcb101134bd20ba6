// A run triggered and processed in this process, start to finish: the CLI and demo seeding, which have no worker to wait for.
import type { TSourceId } from "@/core/sources";
import { AppError } from "../errors/app-error";
import type { TIngestRun } from "../repo/ingest-runs";
import type { TIngestParams } from "./ingest-params";
import { processIngestRun, type TProcessDeps } from "./process-ingest-run";
import { triggerIngest } from "./trigger-ingest";

export async function runIngestNow(opts: TProcessDeps & { source: TSourceId; params: TIngestParams; trigger: string; actor: string }): Promise<TIngestRun> {
  const { source, params, trigger, actor, ...deps } = opts;
  const queued = await triggerIngest({ db: deps.db, source, params, trigger, actor, now: deps.clock?.() });
  const run = await processIngestRun({ ...deps, runId: queued.id });
  if (!run) throw new AppError("CONFLICT", `run ${queued.id} was taken by another worker`);
  return run;
}
