// `npx tsx bench/ingest.ts`: parse time of the 223 KB HF daily page, a 2,000-paper upsert, its identical re-run, and peak memory.
// Needs DATABASE_URL (a server where it may create and drop `<db>_bench`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseListing } from "../src/core/sources";
import { createDb } from "../src/server/db";
import { applyMigrations } from "../src/server/db/migrations";
import { toIncoming } from "../src/server/ingest/ingest-listing";
import { upsertPapers } from "../src/server/repo/upsert-papers";
import { recreateDatabase, siblingUrl } from "../tests/support/test-databases";

const fixtures = path.resolve(import.meta.dirname, "..", "tests", "fixtures");
const now = new Date("2026-07-14T12:00:00Z");
const ms = (start: number) => performance.now() - start;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function benchParse(): { median: number; p95: number } {
  const body = readFileSync(path.join(fixtures, "hf", "daily-page-2024-08-01.html"), "utf8");
  for (let i = 0; i < 10; i++) parseListing("hf-page", body, { now });
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    const result = parseListing("hf-page", body, { now });
    times.push(ms(start));
    if (result.papers.length !== 13) throw new Error(`expected 13 papers, got ${result.papers.length}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[25]!, p95: times[47]! };
}

/** The arXiv Atom fixture's 50 entries, replicated under fresh ids to 2,000 papers. */
function listingOf2000() {
  const result = parseListing("arxiv-api", readFileSync(path.join(fixtures, "arxiv", "api-cat-cs.AI-LG-2026-07-13.atom.xml"), "utf8"), { now });
  const papers = Array.from({ length: 2000 }, (_, i) => {
    const p = result.papers[i % result.papers.length]!;
    const copy = Math.floor(i / result.papers.length);
    return { ...p, arxivId: `2607.${String(10000 + i).padStart(5, "0")}`, title: `${p.title} (copy ${copy})` };
  });
  return toIncoming({ ...result, papers });
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("set DATABASE_URL (e.g. postgresql://root@127.0.0.1:5432/pd_ingest); the bench uses a sibling <db>_bench");
  const parse = benchParse();
  console.log(`parse hf-page 223 KB (13 papers): median ${fmt(parse.median)}, p95 ${fmt(parse.p95)}  [target ≤ 20 ms]`);

  const url = siblingUrl(base, "bench");
  await recreateDatabase(base, url);
  await applyMigrations(url);
  const db = createDb(url, { max: 4 });
  try {
    const papers = listingOf2000();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const rssBefore = process.memoryUsage().rss;

    let start = performance.now();
    const first = await upsertPapers({ db, source: "arxiv-api", papers, now });
    const firstMs = ms(start);
    console.log(`upsert 2,000 papers (fresh): ${fmt(firstMs)} — inserted ${first.inserted}, updated ${first.updated}  [target ≤ 2000 ms]`);

    start = performance.now();
    const again = await upsertPapers({ db, source: "arxiv-api", papers, now: new Date(now.getTime() + 3600_000) });
    const againMs = ms(start);
    console.log(`identical re-run: ${fmt(againMs)} — rows written ${again.inserted + again.updated} (unchanged ${again.unchanged})  [target 0 rows, ≤ 500 ms]`);

    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(`peak RSS during the 2,000-paper runs: ${mb(peakRss)} (process RSS before: ${mb(rssBefore)})`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
