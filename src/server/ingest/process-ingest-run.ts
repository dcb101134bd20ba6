// Carries one queued run to its end: fetch, parse, judge, write, refresh scores, and record counts, errors and timings.
import { ZSourceId } from "@/core/sources";
import type { Db } from "../db";
import { describeError } from "../errors/describe-error";
import type { TFetcher } from "../fetch/fetch-url";
import { logger } from "../logger";
import { findValidators, saveValidators } from "../repo/ingest-fetch-cache";
import { claimIngestRun, finishIngestRun, getIngestRunInput, recordIngestProgress, type TIngestRun } from "../repo/ingest-runs";
import { upsertPapers } from "../repo/upsert-papers";
import { storeThumbnails } from "../thumbnails/store-thumbnails";
import { afterIngest } from "./after-ingest";
import { fetchListing } from "./fetch-listing";
import { planFetch } from "./fetch-plans";
import { judgeParse, toIncoming } from "./ingest-listing";
import { storedParams } from "./ingest-params";

export type TProcessDeps = {
  db: Db;
  /** Needed by runs that fetch; a pasted body needs none. */
  fetcher?: TFetcher;
  clock?: () => Date;
  /** Per-source base URLs (fixture servers in tests); production uses the real hosts. */
  baseUrls?: Partial<Record<string, string>>;
  onProgress?: (progress: { pagesDone: number; found: number; url: string }) => void;
};

/** Returns the finished run, or null when another worker had already claimed it. */
export async function processIngestRun(deps: TProcessDeps & { runId: number }): Promise<TIngestRun | null> {
  const { db, fetcher, runId } = deps;
  const clock = deps.clock ?? (() => new Date());
  const started = performance.now();
  if (!(await claimIngestRun({ db, id: runId, now: clock() }))) return null;
  const timings: Record<string, number> = { pagesDone: 0 };
  const finish = (outcome: Parameters<typeof finishIngestRun>[0]["outcome"]) =>
    finishIngestRun({
      db,
      id: runId,
      now: clock(),
      outcome: { ...outcome, timings: { ...timings, ...outcome.timings, totalMs: Math.round(performance.now() - started) } },
    });

  try {
    const stored = await getIngestRunInput({ db, id: runId });
    if (!stored) throw new Error(`run ${runId} vanished while it was being processed`);
    const source = ZSourceId.parse(stored.source);
    const params = storedParams(stored);
    const plan = planFetch(source, params, { baseUrl: deps.baseUrls?.[source] });
    const now = clock();
    const listing = await fetchListing({
      source,
      plan,
      fetcher,
      now,
      validatorsFor: (url) => findValidators({ db, url }),
      onPage: async (progress) => {
        const { pagesDone, found } = progress;
        deps.onProgress?.(progress);
        timings.pagesDone = pagesDone;
        await recordIngestProgress({ db, id: runId, found, timings });
      },
    });
    Object.assign(timings, listing.timings);
    if (listing.notModified) return await finish({ status: "succeeded", reason: "unchanged since the last fetch (HTTP 304): nothing to do" });

    const { result } = listing;
    const verdict = judgeParse(result, { pasted: plan.kind === "body" });
    const counts = { found: result.papers.length, expected: result.expected ?? null, skipped: result.errors.length, errors: result.errors };
    if (verdict.status === "failed") return await finish({ ...counts, status: "failed", reason: verdict.reason });

    const writeStarted = performance.now();
    const written = await upsertPapers({ db, source, papers: toIncoming(result), now });
    timings.writeMs = Math.round(performance.now() - writeStarted);
    const afterStarted = performance.now();
    await afterIngest({ db, reason: `ingest run ${runId}`, changedIds: written.changedIds });
    timings.afterMs = Math.round(performance.now() - afterStarted);
    if (fetcher && plan.kind !== "body") {
      // A pasted or file listing (demo seeding included) fetches nothing, thumbnails neither: its papers keep placeholders until a
      // fetched listing names them. Every listed paper is looked at, not only changed ones, so a paper a failed fetch left without
      // its thumbnail is tried again when a later run lists it.
      const thumbnailsStarted = performance.now();
      const thumbnails = await storeThumbnails({ db, fetcher, paperIds: written.paperIds, now, reason: `ingest run ${runId}` });
      Object.assign(timings, {
        thumbnailsMs: Math.round(performance.now() - thumbnailsStarted),
        thumbnailsStored: thumbnails.stored,
        thumbnailsFailed: thumbnails.failed,
      });
    }
    for (const page of listing.pages) await saveValidators({ db, url: page.url, validators: page.validators, status: page.status, now });

    const newestListedOn =
      result.papers
        .map((p) => p.listedOn)
        .sort()
        .at(-1) ?? null;
    return await finish({ ...counts, ...written, status: verdict.status, reason: verdict.reason, newestListedOn });
  } catch (err) {
    // One line without a stack: an unreachable source (no internet) fails every scheduled run the same way.
    logger.warn({ runId, err: describeError(err) }, "ingestion run failed");
    return finish({ status: "failed", reason: describeError(err) });
  }
}
