// Benchmark: /api/papers?q= over 50 varied queries against 100,000 generated papers (p50/p95, first uncached request of each query).
import path from "node:path";
import { createDb } from "../src/server/db";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { rescorePapers } from "../src/server/ranking/rescore-papers";
import { benchDatabase, startApp } from "./support/bench-app";
import { generatePapers, insertPapers, loadVocabulary, seededRandom } from "./support/generate-papers";

const PORT = Number(process.env.BENCH_PORT ?? 3711);
const COUNT = Number(process.env.BENCH_PAPERS ?? 100_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function queries(words: string[], authors: string[]): string[] {
  const rand = seededRandom(7);
  const common = (i: number) => words[Math.floor(Math.pow(rand(), 2.2) * words.length)] ?? `w${i}`;
  const rare = () => words[Math.floor(rand() * words.length)]!;
  const out: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    switch (i % 5) {
      case 0:
        out.push(common(i));
        break;
      case 1:
        out.push(`${rare()} ${rare()}`);
        break;
      case 2:
        out.push(`"${common(i)} ${common(i)}"`);
        break;
      case 3:
        out.push(`${common(i)} OR ${rare()} -${rare()}`);
        break;
      default:
        out.push(`author:"${authors[Math.floor(rand() * authors.length)]}" ${common(i)}`);
    }
  }
  return out;
}

async function main() {
  const started = Date.now();
  const database = await benchDatabase("bench_search");
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  await insertPapers(database.url, generatePapers({ count: COUNT, seed: 1, vocabulary, lastDay: "2026-06-12", days: 365 }));
  const db = createDb(database.url, { max: 2 });
  await rescorePapers({ db });
  await db.$executeRawUnsafe("VACUUM ANALYZE papers");
  await db.$disconnect();
  console.log(`Seeded ${COUNT} papers in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const app = await startApp(database.url, PORT);
  try {
    const timings: number[] = [];
    const hits: number[] = [];
    await fetch(`${app.base}/api/papers?q=warmup`);
    for (const q of queries(vocabulary.words, vocabulary.authors)) {
      const t0 = performance.now();
      const res = await fetch(`${app.base}/api/papers?limit=20&q=${encodeURIComponent(q)}`);
      const body = (await res.json()) as { papers?: unknown[] };
      timings.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${q}: HTTP ${res.status}`);
      hits.push(body.papers?.length ?? 0);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(
      `search over ${COUNT} papers, 50 queries (uncached): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (target p95 <= 50 ms); queries with results: ${hits.filter((h) => h > 0).length}/50`,
    );
  } finally {
    await app.stop();
    await database.stop();
  }
}

await main();
