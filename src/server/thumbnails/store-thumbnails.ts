// Fetches the thumbnails of an ingestion run's papers into PostgreSQL, so pages serve them from our origin and never hot-link a CDN.
// Runs after the run's papers are written and announced; a thumbnail that cannot be fetched or is no image is logged and skipped,
// and the paper keeps its placeholder until a later run lists it again.
import { createHash } from "node:crypto";
import { readImageHeader } from "@/core/thumbnails/image-header";
import type { Db } from "../db";
import { describeError } from "../errors/describe-error";
import type { TFetcher } from "../fetch/fetch-url";
import { logger } from "../logger";
import { announceFeedChange } from "../repo/feed-changes";
import { listThumbnailsDue, savePaperThumbnail } from "../repo/paper-thumbnails";

/** Hugging Face's social thumbnails are 30-200 KB; anything near this is not a thumbnail and is not kept in the database. */
const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;

const THUMBNAIL_CONCURRENCY = 4;

/** A run's failures are logged together, with this many of them named: a CDN that is down fails every paper for the same reason. */
const FAILURES_NAMED = 10;

const ACCEPT = "image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1";

export type TThumbnailOutcome = { due: number; stored: number; failed: number };

async function storeOne(opts: { db: Db; fetcher: TFetcher; paperId: number; url: string; now: Date }): Promise<void> {
  const fetched = await opts.fetcher.getBytes(opts.url, { accept: ACCEPT, maxBytes: THUMBNAIL_MAX_BYTES });
  const header = readImageHeader(fetched.bytes);
  if (!header) throw new Error(`not a JPEG, PNG, WebP or GIF image (Content-Type ${JSON.stringify(fetched.contentType)}, ${fetched.bytes.length} bytes)`);
  const sha256 = createHash("sha256").update(fetched.bytes).digest("hex");
  await savePaperThumbnail({ db: opts.db, paperId: opts.paperId, bytes: new Uint8Array(fetched.bytes), sourceUrl: opts.url, now: opts.now, sha256, ...header });
}

/**
 * Stores the thumbnails of `paperIds` that are missing or whose URL changed, a few at a time. Never throws: the run's failures are
 * logged at warn in one line (the first FAILURES_NAMED with their paper, URL and error, every one at debug). When any was stored, announces a feed change, since the pages cached after the run's own announcement
 * still show placeholders.
 */
export async function storeThumbnails(opts: { db: Db; fetcher: TFetcher; paperIds: number[]; now: Date; reason: string }): Promise<TThumbnailOutcome> {
  const outcome: TThumbnailOutcome = { due: 0, stored: 0, failed: 0 };
  try {
    const due = await listThumbnailsDue({ db: opts.db, paperIds: opts.paperIds });
    outcome.due = due.length;
    let next = 0;
    const failures: { paperId: number; url: string; err: string }[] = [];
    const worker = async () => {
      for (let item = due[next++]; item; item = due[next++]) {
        try {
          await storeOne({ ...opts, ...item });
          outcome.stored++;
        } catch (err) {
          outcome.failed++;
          const failure = { paperId: item.paperId, url: item.url, err: describeError(err) };
          logger.debug(failure, "thumbnail not stored");
          if (failures.length < FAILURES_NAMED) failures.push(failure);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(THUMBNAIL_CONCURRENCY, due.length) }, worker));
    if (outcome.failed > 0) logger.warn({ reason: opts.reason, ...outcome, failures }, `${outcome.failed} of ${outcome.due} thumbnails not stored`);
    if (outcome.stored > 0) await announceFeedChange({ db: opts.db, reason: `thumbnails: ${opts.reason}` });
  } catch (err) {
    logger.warn({ err: describeError(err), ...outcome }, "thumbnails not stored");
  }
  return outcome;
}
