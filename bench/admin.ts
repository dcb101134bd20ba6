// Admin console figures at scale: dashboard source health over many runs and papers, subscriber counts and search, CSV export
// throughput, and the session check every /admin request makes (in the proxy and again in the page, route or action).
// Run: DATABASE_URL=postgresql://... npx tsx bench/admin.ts  (uses a sibling database <name>_bench_admin, recreated each run)
import { performance } from "node:perf_hooks";
import { loadSourceHealth } from "../src/server/admin/load-source-health";
import { exportSubscribersCsv } from "../src/server/admin/export-subscribers";
import { authenticateAdmin, createAdminSession } from "../src/server/auth/admin-session";
import { createDb } from "../src/server/db";
import { applyMigrations } from "../src/server/db/migrations";
import { countSubscribersByState, searchSubscribers } from "../src/server/repo/admin-subscribers";
import { searchAdminPapers } from "../src/server/repo/admin-papers";
import { recreateDatabase, siblingUrl } from "../tests/support/test-databases";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const PAPERS = Number(process.env.BENCH_PAPERS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20_000);
const REPEAT = 15;
const SESSION_CHECKS = 2_000;

async function timeIt(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} median ${pct(0.5)} ms  p90 ${pct(0.9)} ms  (n=${REPEAT})`);
}

/** Median time of one session check: a valid cookie (signature, then one primary-key read) and a forged one (signature only). */
async function sessionChecks(db: ReturnType<typeof createDb>, now: Date): Promise<void> {
  const config = { ADMIN_TOKEN: "bench-admin-token-0123456789", APP_SECRET: "bench-app-secret-0123456789abcdef" };
  for (let i = 0; i < 1_000; i++) await createAdminSession({ db, secret: config.APP_SECRET, subject: "admin:token", now });
  const { value } = await createAdminSession({ db, secret: config.APP_SECRET, subject: "admin:token", now });
  for (const [label, cookie] of [
    ["admin session check, signed-in cookie", value],
    ["admin session check, forged cookie", `${value.slice(0, -4)}AAAA`],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < SESSION_CHECKS; i++) {
      const t = performance.now();
      const admin = await authenticateAdmin({ db, config, credentials: { authorization: null, sessionCookie: cookie }, now });
      samples.push(performance.now() - t);
      if ((admin !== null) !== (cookie === value)) throw new Error(`${label}: unexpected answer ${admin}`);
    }
    samples.sort((a, b) => a - b);
    const pct = (p: number) => (samples[Math.floor(p * samples.length)]! * 1000).toFixed(0);
    console.log(`${label.padEnd(44)} median ${pct(0.5)} µs  p90 ${pct(0.9)} µs  (n=${SESSION_CHECKS}, 1,001 live sessions)`);
  }
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Set DATABASE_URL to a PostgreSQL server; the bench creates its own sibling database.");
  const url = siblingUrl(base, "bench_admin");
  await recreateDatabase(base, url);
  await applyMigrations(url);
  const db = createDb(url, { max: 4 });
  try {
    const seedStart = performance.now();
    await db.$executeRawUnsafe(`
      INSERT INTO subscribers (email, status, frequency, keywords, categories, "updatedAt")
      SELECT 'user' || g || '@example.org',
             (ARRAY['pending','confirmed','confirmed','confirmed','paused','bouncing','unsubscribed'])[1 + g % 7]::"SubscriberStatus",
             (CASE WHEN g % 3 = 0 THEN 'weekly' ELSE 'daily' END)::"Frequency", ARRAY['diffusion','agents'], ARRAY['cs.LG'], now()
      FROM generate_series(1, ${SUBSCRIBERS}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO papers ("arxivId", "titleKey", title, abstract, authors, "listedOn", categories, keywords, sources, "updatedAt")
      SELECT '2611.' || lpad(g::text, 5, '0'), 'paper ' || g, 'Paper number ' || g || ' on scaling', 'Abstract ' || g, ARRAY['Ada Lovelace','Alan Turing'],
             date '2026-11-26' - (g % 400), ARRAY['cs.LG'], ARRAY[]::text[],
             ARRAY[(ARRAY['hf-daily','arxiv-rss','arxiv-list','arxiv-api','hf-page'])[1 + g % 5]], now()
      FROM generate_series(1, ${PAPERS}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO ingest_runs (source, "runKey", status, found, expected, "createdAt", "finishedAt")
      SELECT (ARRAY['hf-daily','arxiv-rss','arxiv-list','arxiv-api','hf-page','text'])[1 + g % 6], 'k' || g,
             (CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'succeeded' END)::"IngestStatus", 30, 30,
             now() - make_interval(mins => g), now() - make_interval(mins => g)
      FROM generate_series(1, ${RUNS}) g`);
    await db.$executeRawUnsafe("ANALYZE");
    console.log(`seeded ${SUBSCRIBERS} subscribers, ${PAPERS} papers, ${RUNS} ingest runs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const now = new Date();
    await timeIt("dashboard source health (6 sources)", () => loadSourceHealth({ db, configured: ["hf-daily"], now }));
    await timeIt("subscriber counts by state", () => countSubscribersByState({ db }));
    await timeIt("subscriber search 'user4242'", () => searchSubscribers({ db, query: "user4242" }));
    await timeIt("paper search 'number 1234'", () => searchAdminPapers({ db, query: "number 1234" }));

    await sessionChecks(db, now);

    const t = performance.now();
    const csv = await new Response(await exportSubscribersCsv({ db, actor: "bench", now })).text();
    const ms = performance.now() - t;
    const rows = csv.split("\r\n").length - 2;
    console.log(`CSV export: ${rows} rows, ${(csv.length / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s = ${Math.round(rows / (ms / 1000))} rows/s`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
