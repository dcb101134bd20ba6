// Stored paper thumbnails: which papers still need theirs fetched, writing one, and reading one back for /thumbnails/.
import type { TImageType } from "@/core/thumbnails/image-header";
import type { Db } from "../db";

/**
 * Papers among `paperIds` whose thumbnail URL has no stored image yet, or a stored image from another URL. A fetch that
 * failed stored nothing, so the next run that lists the paper tries again.
 */
export async function listThumbnailsDue(opts: { db: Db; paperIds: number[] }): Promise<{ paperId: number; url: string }[]> {
  if (opts.paperIds.length === 0) return [];
  return opts.db.$queryRaw<{ paperId: number; url: string }[]>`
    SELECT p.id AS "paperId", p."thumbnailUrl" AS url
    FROM papers p LEFT JOIN paper_thumbnails t ON t."paperId" = p.id
    WHERE p.id = ANY(${opts.paperIds}::int[]) AND p."thumbnailUrl" IS NOT NULL AND NOT p.hidden
      AND (t."paperId" IS NULL OR t."sourceUrl" IS DISTINCT FROM p."thumbnailUrl")
    ORDER BY p.id`;
}

export type TStoredThumbnail = { contentType: TImageType; width: number; height: number; sha256: string };

/** Stores (or replaces) a paper's thumbnail. */
export async function savePaperThumbnail(
  opts: { db: Db; paperId: number; bytes: Uint8Array<ArrayBuffer>; sourceUrl: string; now: Date } & TStoredThumbnail,
): Promise<void> {
  const { db, paperId, now, ...data } = opts;
  await db.paperThumbnail.upsert({ where: { paperId }, create: { paperId, ...data, fetchedAt: now }, update: { ...data, fetchedAt: now } });
}

/** A visible paper's stored thumbnail with its bytes, for serving; null when there is none or the paper is hidden. */
export async function getPaperThumbnail(opts: { db: Db; paperId: number }): Promise<(TStoredThumbnail & { bytes: Uint8Array }) | null> {
  const row = await opts.db.paperThumbnail.findFirst({
    where: { paperId: opts.paperId, paper: { hidden: false } },
    select: { bytes: true, contentType: true, width: true, height: true, sha256: true },
  });
  return row && { ...row, contentType: row.contentType as TImageType };
}
