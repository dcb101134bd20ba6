// Loads the sample listings shipped in samples/ when the database has no papers, through the normal ingestion path.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { TSourceId } from "@/core/sources/normalized-paper";
import type { Db } from "../db";
import { ingestListing } from "./ingest-listing";

const SAMPLE_SOURCES: Record<string, TSourceId> = { "hf-daily": "hf-daily", "hf-page": "hf-page", "arxiv-rss": "arxiv-rss", "arxiv-api": "arxiv-api" };

export async function seedDemo(opts: { db: Db; samplesDir: string; now: Date }): Promise<{ seeded: boolean; papers: number }> {
  if ((await opts.db.paper.count()) > 0) return { seeded: false, papers: 0 };
  const files = (await readdir(opts.samplesDir)).sort();
  let papers = 0;
  for (const file of files) {
    const source = Object.entries(SAMPLE_SOURCES).find(([prefix]) => file.startsWith(prefix))?.[1];
    if (!source) continue;
    const summary = await ingestListing({ db: opts.db, source, body: await readFile(path.join(opts.samplesDir, file), "utf8"), now: opts.now });
    papers += summary.inserted;
  }
  return { seeded: true, papers };
}
