// Stored validators (ETag, Last-Modified) per fetched URL, so the next fetch can be conditional.
import type { Db } from "../db";
import type { TValidators } from "../fetch/fetch-url";

export async function findValidators(opts: { db: Db; url: string }): Promise<TValidators | undefined> {
  const row = await opts.db.fetchCache.findUnique({ where: { url: opts.url } });
  return row ? { etag: row.etag, lastModified: row.lastModified } : undefined;
}

export async function saveValidators(opts: { db: Db; url: string; validators: TValidators; status: number; now: Date }): Promise<void> {
  const { db, url, validators, status, now } = opts;
  if (!validators.etag && !validators.lastModified) {
    await db.fetchCache.deleteMany({ where: { url } });
    return;
  }
  const data = { etag: validators.etag ?? null, lastModified: validators.lastModified ?? null, status, fetchedAt: now };
  await db.fetchCache.upsert({ where: { url }, create: { url, ...data }, update: data });
}
