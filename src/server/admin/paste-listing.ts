// "Paste a listing": text an admin copied from a trending page goes through the `text` source like any fetched listing.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { ingestListing, type TIngestSummary } from "../ingest/ingest-listing";
import { recordAudit } from "../repo/audit-log";

export const MAX_PASTE_CHARS = 2_000_000;

/** Records the run in ingest_runs so it shows in the history and the source health, and audits it. */
export async function pasteListing(opts: { db: Db; actor: string; body: string; now: Date }): Promise<TIngestSummary & { runId: number }> {
  const body = opts.body.trim();
  if (!body) throw new AppError("INVALID_INPUT", "empty paste", { userMessage: "Paste the listing's text first." });
  if (body.length > MAX_PASTE_CHARS)
    throw new AppError("INVALID_INPUT", "paste too large", { userMessage: `The paste is over ${MAX_PASTE_CHARS} characters.` });
  const startedAt = opts.now;
  const summary = await ingestListing({ db: opts.db, source: "text", body, now: opts.now });
  const run = await opts.db.ingestRun.create({
    data: {
      source: "text",
      params: { pasted: body.length },
      runKey: `text:paste:${opts.now.toISOString()}`,
      trigger: "admin-paste",
      status: summary.status,
      reason: summary.reason ?? null,
      found: summary.found,
      expected: summary.expected ?? null,
      inserted: summary.inserted,
      updated: summary.updated,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
      errors: summary.errors,
      newestListedOn: summary.newestListedOn ? new Date(summary.newestListedOn) : null,
      createdAt: startedAt,
      startedAt,
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  await recordAudit({
    db: opts.db,
    actor: opts.actor,
    action: "ingest.paste",
    params: { chars: body.length, runId: run.id, status: summary.status, found: summary.found, inserted: summary.inserted },
    now: opts.now,
  });
  return { ...summary, runId: run.id };
}
