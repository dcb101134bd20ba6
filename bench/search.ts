// Benchmark: /api/papers?q= over 50 varied queries, one at a time, against N generated papers (`--papers N`, default 100,000):
// p50/p95 of the first, uncached request of each query. `--reuse` keeps the corpus an earlier run of this or bench/pages.ts seeded.
import path from "node:path";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { benchDatabase, startApp } from "./support/bench-app";
import { numberOption } from "./support/bench-stats";
import { loadVocabulary } from "./support/generate-papers";
import { sequentialSearch } from "./support/search-queries";
import { corpusDatabaseName, seedCorpus } from "./support/seed-corpus";

const PORT = numberOption({ argv: process.argv, env: process.env, name: "port", envName: "BENCH_PORT", fallback: 3711 });
const COUNT = numberOption({ argv: process.argv, env: process.env, name: "papers", envName: "BENCH_PAPERS", fallback: 100_000 });
const REUSE = process.argv.includes("--reuse");

async function main() {
  const database = await benchDatabase(corpusDatabaseName(COUNT), { reuse: REUSE });
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  if (database.reused) console.log(`Reusing the seeded database ${new URL(database.url).pathname.slice(1)}`);
  else await seedCorpus(database.url, { count: COUNT, vocabulary, log: console.log });
  const app = await startApp(database.url, PORT);
  try {
    const r = await sequentialSearch(app.base, vocabulary);
    console.log(
      `search over ${COUNT} papers, ${r.queries} queries (uncached): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (target p95 <= 50 ms); queries with results: ${r.withResults}/${r.queries}`,
    );
  } finally {
    await app.stop();
    await database.stop();
  }
}

await main();
