// The image a /thumbnails/<paperId>-<hash>.<ext> URL names, read from PostgreSQL: only the stored bytes whose hash and type the
// name spells, so every URL answers one image forever or 404.
import { parseThumbnailFileName, hashMatches } from "@/core/thumbnails/thumbnail-path";
import type { TImageType } from "@/core/thumbnails/image-header";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { getPaperThumbnail } from "../repo/paper-thumbnails";

export async function loadThumbnail(fileName: string): Promise<{ bytes: Uint8Array; contentType: TImageType }> {
  const key = parseThumbnailFileName(fileName);
  const stored = key && (await getPaperThumbnail({ db: getDb(), paperId: key.paperId }));
  if (!key || !stored || !hashMatches(stored.sha256, key.hash) || stored.contentType !== key.contentType) {
    throw new AppError("NOT_FOUND", `No thumbnail ${JSON.stringify(fileName.slice(0, 100))}.`);
  }
  return { bytes: stored.bytes, contentType: stored.contentType };
}
