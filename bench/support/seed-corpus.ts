// The search and pages benchmarks' corpus: N generated papers, about 274 per listing day (100,000 over a year), loaded with COPY and
// checked to hold what ingestion would have stored (search columns generated, trending scores as rescoring computes them).
import { createDb } from "../../src/server/db";
import { rescorePapers } from "../../src/server/ranking/rescore-papers";
import { numberOption } from "./bench-stats";
import { streamPapers, insertPapers, type TVocabulary } from "./generate-papers";

const CORPUS_LAST_DAY = "2026-06-12";
const PAPERS_PER_DAY = 274;

function corpusDays(count: number): number {
  return Math.max(1, Math.round(count / PAPERS_PER_DAY));
}

/** The database suffix of an N-paper corpus: the same seed for bench/pages.ts and bench/search.ts, so `--reuse` serves both. */
export function corpusDatabaseName(count: number): string {
  return `bench_pages_${count}`;
}

export async function seedCorpus(databaseUrl: string, opts: { count: number; vocabulary: TVocabulary; log: (line: string) => void }): Promise<void> {
  const started = performance.now();
  const papers = streamPapers({ count: opts.count, seed: 1, vocabulary: opts.vocabulary, lastDay: CORPUS_LAST_DAY, days: corpusDays(opts.count) });
  // One COPY stream and one index build at a time per core (`--seed-connections N` to take more of a shared machine).
  const connections = numberOption({ argv: process.argv, env: process.env, name: "seed-connections", envName: "BENCH_SEED_CONNECTIONS", fallback: 2 });
  const times = await insertPapers(databaseUrl, papers, { deferIndexes: true, connections });
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const analyzeStart = performance.now();
    await db.$executeRawUnsafe("VACUUM ANALYZE papers");
    const analyzeMs = performance.now() - analyzeStart;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    opts.log(
      `Seeded ${times.loaded} papers over ${corpusDays(opts.count)} listing days in ${seconds(performance.now() - started)}: COPY ${seconds(times.copyMs)}, index builds ${seconds(times.indexMs)}, VACUUM ANALYZE ${seconds(analyzeMs)}`,
    );
    opts.log(`Index builds (${connections} at a time): ${times.indexes.map((i) => `${i.name} ${seconds(i.ms)}`).join(", ")}`);
    const [filled] = await db.$queryRaw<{ missingSearch: number; missingPairs: number; zeroScore: number }[]>`
      SELECT count(*) FILTER (WHERE search IS NULL OR search = ''::tsvector)::int AS "missingSearch",
             count(*) FILTER (WHERE "searchPairs" IS NULL OR cardinality("searchPairs") = 0)::int AS "missingPairs",
             count(*) FILTER (WHERE "trendingScore" = 0)::int AS "zeroScore"
      FROM papers`;
    // Rescoring a sample the way ingestion does must change nothing: the loader stored the same scores.
    const step = Math.max(1, Math.floor(times.loaded / 1000));
    const sample = await db.$queryRaw<{ id: number }[]>`SELECT id FROM papers WHERE id % ${step} = 0 ORDER BY id LIMIT 1000`;
    const rescored = await rescorePapers({ db, paperIds: sample.map((r) => r.id) });
    opts.log(
      `Check: papers without a search document ${filled?.missingSearch}, without search pairs ${filled?.missingPairs}, with no trending score ${filled?.zeroScore}; rescoring ${sample.length} sampled papers changed ${rescored}`,
    );
    if (filled?.missingSearch || filled?.missingPairs || filled?.zeroScore || rescored || sample.length === 0)
      throw new Error("the seeded papers differ from what ingestion stores");
  } finally {
    await db.$disconnect();
  }
}
