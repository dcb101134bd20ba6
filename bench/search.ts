// Benchmark: /api/papers?q= over 50 varied queries, one at a time, against N generated papers (`--papers N`, default 100,000):
// p50/p95 of the first, uncached request of each query. `--reuse` keeps the corpus an earlier run of this or bench/pages.ts seeded.
// Then what new papers cost searches while their index entries are pending, and after afterIngest's merge.
import path from "node:path";
import { createDb, type Db } from "../src/server/db";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { DEFAULT_FILTERS } from "../src/server/feed/load-feed";
import { listPapers } from "../src/server/repo/papers";
import { mergePendingSearchEntries } from "../src/server/repo/search-index";
import { benchDatabase, startApp } from "./support/bench-app";
import { numberOption } from "./support/bench-stats";
import { loadVocabulary } from "./support/generate-papers";
import { sequentialSearch, twoWordQueries } from "./support/search-queries";
import { corpusDatabaseName, seedCorpus } from "./support/seed-corpus";

const PORT = numberOption({ argv: process.argv, env: process.env, name: "port", envName: "BENCH_PORT", fallback: 3711 });
const COUNT = numberOption({ argv: process.argv, env: process.env, name: "papers", envName: "BENCH_PAPERS", fallback: 100_000 });
const REUSE = process.argv.includes("--reuse");
/** As many papers as a day's listings, written as a run writes them (the most trending papers again, under new arXiv ids). */
const NEW_PAPERS = 300;
const PENDING_QUERIES = 375;

/** Mean milliseconds of a highlighted relevance page per query, one query at a time, as /search reads it. */
async function meanListMs(db: Db, queries: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const q of queries) await listPapers({ db, filters: { ...DEFAULT_FILTERS, q }, limit: 21 });
  return (performance.now() - started) / queries.length;
}

/**
 * Searches before a write, with its entries pending, and after the merge, twice, each pass over the same queries after a warm pass of
 * them (so no pass has warmer caches than another); the corpus is left as it was.
 */
async function pendingEntriesCost(databaseUrl: string, words: readonly string[]): Promise<void> {
  const db = createDb(databaseUrl, { max: 1 });
  const queries = twoWordQueries(words, PENDING_QUERIES, 41);
  const removeNewPapers = async () => {
    await db.$executeRawUnsafe(`DELETE FROM papers WHERE "arxivId" LIKE 'bench-new.%'`);
    await db.$executeRawUnsafe("VACUUM ANALYZE papers");
  };
  try {
    // Whatever an earlier run or benchmark left pending is merged first, so "before" has nothing pending.
    await mergePendingSearchEntries({ db });
    await meanListMs(db, queries);
    const [{ columns }] = await db.$queryRaw<[{ columns: string }]>`
      SELECT string_agg(quote_ident(column_name), ', ') AS columns FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'papers' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'arxivId')`;
    for (let cycle = 1; cycle <= 2; cycle += 1) {
      const beforeMs = await meanListMs(db, queries);
      await db.$executeRawUnsafe(
        `INSERT INTO papers ("arxivId", ${columns}) SELECT 'bench-new.' || id, ${columns} FROM papers ORDER BY "trendingScore" DESC LIMIT ${NEW_PAPERS}`,
      );
      const pendingMs = await meanListMs(db, queries);
      const mergeStart = performance.now();
      const pages = await mergePendingSearchEntries({ db });
      const mergeMs = performance.now() - mergeStart;
      const mergedMs = await meanListMs(db, queries);
      console.log(
        `Search after ${NEW_PAPERS} new papers, pass ${cycle} (listPapers, highlighted, the same ${PENDING_QUERIES} two-word queries each time, one at a time): ${beforeMs.toFixed(2)} ms before the write, ${pendingMs.toFixed(2)} ms with their index entries pending, ${mergedMs.toFixed(2)} ms after merging them (${pages} pages in ${mergeMs.toFixed(0)} ms, as afterIngest does)`,
      );
      await removeNewPapers();
    }
  } finally {
    await removeNewPapers();
    await db.$disconnect();
  }
}

async function main() {
  const database = await benchDatabase(corpusDatabaseName(COUNT), { reuse: REUSE });
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  if (database.reused) console.log(`Reusing the seeded database ${new URL(database.url).pathname.slice(1)}`);
  else await seedCorpus(database.url, { count: COUNT, vocabulary, log: console.log });
  try {
    const app = await startApp(database.url, PORT);
    try {
      const r = await sequentialSearch(app.base, vocabulary);
      console.log(
        `search over ${COUNT} papers, ${r.queries} queries (uncached): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (target p95 <= 50 ms); queries with results: ${r.withResults}/${r.queries}; slowest: ${r.slowest}`,
      );
    } finally {
      await app.stop();
    }
    await pendingEntriesCost(database.url, vocabulary.words);
  } finally {
    await database.stop();
  }
}

await main();
