// Benchmark: /api/papers?q= over 50 varied queries, one at a time, against N generated papers (`--papers N`, default 100,000):
// p50/p95 of the first, uncached request of each query.
import path from "node:path";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { benchDatabase, startApp } from "./support/bench-app";
import { numberOption } from "./support/bench-stats";
import { loadVocabulary } from "./support/generate-papers";
import { sequentialSearch } from "./support/search-queries";
import { seedCorpus } from "./support/seed-corpus";

const PORT = Number(process.env.BENCH_PORT ?? 3711);
const COUNT = numberOption({ argv: process.argv, env: process.env, name: "papers", envName: "BENCH_PAPERS", fallback: 100_000 });

async function main() {
  const database = await benchDatabase("bench_search");
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  await seedCorpus(database.url, { count: COUNT, vocabulary, log: console.log });
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
