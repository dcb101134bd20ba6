// Parses one listing body and stores its papers; shared by the CLI, demo seeding and ingestion runs.
import { parseListing } from "@/core/sources";
import type { TParseResult, TSourceId } from "@/core/sources/normalized-paper";
import type { TIncomingPaper } from "@/core/ingest/merge-paper";
import { titleKey } from "@/core/text/title-key";
import type { Db } from "../db";
import { upsertPapers } from "../repo/upsert-papers";

export type TIngestStatus = "succeeded" | "partial" | "failed";

export type TIngestSummary = {
  source: TSourceId;
  status: TIngestStatus;
  reason?: string;
  found: number;
  expected?: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: TParseResult["errors"];
  newestListedOn?: string;
  paperIds: number[];
  changedIds: number[];
};

export function toIncoming(result: TParseResult): TIncomingPaper[] {
  return result.papers.map((p) => ({ ...p, titleKey: titleKey(p.title) }));
}

/** Decides a parse's outcome before anything is written: a fatal parse or 0 of N papers writes nothing. */
export function judgeParse(result: TParseResult): { status: TIngestStatus; reason?: string } {
  if (result.fatal) return { status: "failed", reason: result.fatal };
  if (result.papers.length === 0 && (result.expected ?? 0) > 0) {
    return { status: "failed", reason: `format changed? found 0 papers where the source states ${result.expected}` };
  }
  if (result.errors.length > 0) return { status: "partial", reason: `${result.errors.length} item(s) skipped` };
  return { status: "succeeded" };
}

export async function ingestListing(opts: { db: Db; source: TSourceId; body: string; now: Date; url?: string }): Promise<TIngestSummary> {
  const result = parseListing(opts.source, opts.body, { now: opts.now, url: opts.url });
  const verdict = judgeParse(result);
  const base = {
    source: opts.source,
    found: result.papers.length,
    expected: result.expected,
    skipped: result.errors.length,
    errors: result.errors,
    ...verdict,
  };
  if (verdict.status === "failed") return { ...base, inserted: 0, updated: 0, unchanged: 0, paperIds: [], changedIds: [] };
  const written = await upsertPapers({ db: opts.db, source: opts.source, papers: toIncoming(result), now: opts.now });
  const newestListedOn = result.papers
    .map((p) => p.listedOn)
    .sort()
    .at(-1);
  return { ...base, ...written, newestListedOn };
}
