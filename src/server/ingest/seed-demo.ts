// Loads the sample listings shipped in samples/ into an empty database, each as an ingestion run like any other (trigger "demo").
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { TSourceId } from "@/core/sources/normalized-paper";
import { refreshSimilarPapers } from "../feed/refresh-similar";
import { DEMO_TRIGGER } from "../repo/ingest-runs";
import { countPapers } from "../repo/papers";
import { runIngestNow } from "./run-ingest-now";
import type { TProcessDeps } from "./process-ingest-run";

const SAMPLE_SOURCES: Record<string, TSourceId> = { "hf-daily": "hf-daily", "hf-page": "hf-page", "arxiv-rss": "arxiv-rss", "arxiv-api": "arxiv-api" };

export async function seedDemo(opts: TProcessDeps & { samplesDir: string }): Promise<{ seeded: boolean; papers: number }> {
  const { samplesDir, ...deps } = opts;
  if ((await countPapers({ db: deps.db })) > 0) return { seeded: false, papers: 0 };
  let papers = 0;
  for (const file of (await readdir(samplesDir)).sort()) {
    const source = Object.entries(SAMPLE_SOURCES).find(([prefix]) => file.startsWith(prefix))?.[1];
    if (!source) continue;
    const body = await readFile(path.join(samplesDir, file), "utf8");
    const run = await runIngestNow({ ...deps, source, params: { body }, trigger: DEMO_TRIGGER, actor: DEMO_TRIGGER });
    papers += run.counts.inserted;
  }
  // Each run related its own papers to those already stored; once all are in, every demo paper is related to all the others.
  await refreshSimilarPapers({ db: deps.db });
  return { seeded: true, papers };
}
