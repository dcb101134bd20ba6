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
import { E2E_BASE_URL } from "../../../playwright.config";
import { siblingUrl } from "../../support/test-databases";

export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return siblingUrl(process.env.DATABASE_URL, "e2e");
  const runtime = path.resolve(import.meta.dirname, "..", "..", "..", ".data", "e2e", "pg", "runtime.json");
  return (JSON.parse(readFileSync(runtime, "utf8")) as { url: string }).url;
}

export type TSeedPaper = Omit<TIncomingPaper, "titleKey">;

/** What Next's cache header says of "/" on the e2e server (HIT, MISS, STALE, or null). */
async function frontPageCache(): Promise<string | null> {
  const res = await fetch(`${E2E_BASE_URL}/`);
  await res.arrayBuffer();
  return res.headers.get("x-nextjs-cache");
}

/**
 * Runs `write`, which announces a change when it returns true, and returns once the e2e server has heard it. The server learns of a
 * write by NOTIFY a moment after it is committed, so a page asked for in that moment is still the cached one (seen in CI, on a busy
 * machine, as a front page without the paper just seeded). "/" is cached before the write; once it is rendered anew the server has
 * dropped every cached page. A notification not heard within a second, the bound every instance is held to, fails the seed.
 */
async function announcedAndHeard(write: () => Promise<boolean>): Promise<void> {
  await frontPageCache();
  const announced = await write();
  if (!announced) return;
  for (const deadline = Date.now() + 1_000; (await frontPageCache()) === "HIT";) {
    if (Date.now() > deadline) throw new Error("the e2e server still served its cached front page a second after the write was announced");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** With `thumbnails`, the papers' thumbnails (loopback fixture URLs) are then stored the way an ingestion run stores them. */
export async function seedPapers(papers: TSeedPaper[], hide: string[] = [], opts: { thumbnails?: boolean } = {}): Promise<void> {
  const db = createDb(e2eDatabaseUrl(), { max: 2 });
  try {
    const now = new Date();
    let paperIds: number[] = [];
    await announcedAndHeard(async () => {
      ({ paperIds } = await upsertPapers({ db, source: "hf-daily", papers: papers.map((p) => ({ ...p, titleKey: titleKey(p.title) })), now }));
      if (hide.length) await db.paper.updateMany({ where: { arxivId: { in: hide } }, data: { hidden: true } });
      return (await afterIngest({ db, reason: "e2e seed", changedIds: paperIds })).announced;
    });
    if (opts.thumbnails) {
      const fetcher = createFetcher({ userAgent: "paper-digest/e2e", allowLoopback: true });
      await announcedAndHeard(async () => (await storeThumbnails({ db, fetcher, paperIds, now, reason: "e2e seed" })).stored > 0);
    }
  } finally {
    await db.$disconnect();
  }
}
