// Seeds papers into the e2e server's database through the app's own ingestion functions, which announce the change to the app.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TIncomingPaper } from "../../../src/core/ingest/merge-paper";
import { titleKey } from "../../../src/core/text/title-key";
import { createDb } from "../../../src/server/db";
import { createFetcher } from "../../../src/server/fetch/fetch-url";
import { afterIngest } from "../../../src/server/ingest/after-ingest";
import { upsertPapers } from "../../../src/server/repo/upsert-papers";
import { storeThumbnails } from "../../../src/server/thumbnails/store-thumbnails";
import { siblingUrl } from "../../support/test-databases";

export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return siblingUrl(process.env.DATABASE_URL, "e2e");
  const runtime = path.resolve(import.meta.dirname, "..", "..", "..", ".data", "e2e", "pg", "runtime.json");
  return (JSON.parse(readFileSync(runtime, "utf8")) as { url: string }).url;
}

export type TSeedPaper = Omit<TIncomingPaper, "titleKey">;

/** With `thumbnails`, the papers' thumbnails (loopback fixture URLs) are then stored the way an ingestion run stores them. */
export async function seedPapers(papers: TSeedPaper[], hide: string[] = [], opts: { thumbnails?: boolean } = {}): Promise<void> {
  const db = createDb(e2eDatabaseUrl(), { max: 2 });
  try {
    const now = new Date();
    const { paperIds } = await upsertPapers({ db, source: "hf-daily", papers: papers.map((p) => ({ ...p, titleKey: titleKey(p.title) })), now });
    if (hide.length) await db.paper.updateMany({ where: { arxivId: { in: hide } }, data: { hidden: true } });
    await afterIngest({ db, reason: "e2e seed", changedIds: paperIds });
    if (opts.thumbnails) {
      const fetcher = createFetcher({ userAgent: "paper-digest/e2e", allowLoopback: true });
      await storeThumbnails({ db, fetcher, paperIds, now, reason: "e2e seed" });
    }
  } finally {
    await db.$disconnect();
  }
}
