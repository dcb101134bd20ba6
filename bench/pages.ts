// Benchmark: every page kind under load in one run on one app instance (32 connections, a warm pass first), each as a ratio to "/",
// against N generated papers (`--papers N`, default 20,000; `--seconds S` per kind, default 8; `--reuse` keeps an earlier seed,
// `--seed-only` stops after seeding; `--kinds search,api` loads only the kinds whose name holds one of those words, beside "/").
// Also: the instance's peak memory under that load, sequential search p95, and how long a write takes to reach two other instances.
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";
import { periodOf, periodPath, type TPeriodKind } from "../src/core/periods";
import { hidePaper } from "../src/server/admin/paper-admin";
import { createDb } from "../src/server/db";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { refreshSimilarPapers } from "../src/server/feed/refresh-similar";
import { benchDatabase, startApp } from "./support/bench-app";
import { numberOption, percentile } from "./support/bench-stats";
import { loadVocabulary } from "./support/generate-papers";
import { databaseCpuMs, sampleTreeMemory, treeCpuMs, waitUntilIdle } from "./support/process-memory";
import { sequentialSearch, twoWordQueries } from "./support/search-queries";
import { corpusDatabaseName, seedCorpus } from "./support/seed-corpus";

function stringOption(name: string): string | undefined {
  const i = process.argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  return process.argv[i]!.includes("=") ? process.argv[i]!.split("=").slice(1).join("=") : process.argv[i + 1];
}

const option = (name: string, envName: string, fallback: number) => numberOption({ argv: process.argv, env: process.env, name, envName, fallback });
const COUNT = option("papers", "BENCH_PAPERS", 20_000);
const SECONDS = option("seconds", "BENCH_SECONDS", 8);
const CONNECTIONS = option("connections", "BENCH_CONNECTIONS", 32);
const ROUNDS = option("rounds", "BENCH_ROUNDS", 4);
const PORT = option("port", "BENCH_PORT", 3731);
const REUSE = process.argv.includes("--reuse");
/** Seed and stop, for a later `--reuse` run (a million papers take long to seed). */
const SEED_ONLY = process.argv.includes("--seed-only");
/** Words naming the kinds to load (`--kinds search,api`), "/" always among them for the ratios; all kinds when absent. */
const KINDS = stringOption("kinds")
  ?.split(",")
  .map((w) => w.trim())
  .filter(Boolean);
const QUERIES = 300;
/** Queries for each "every query new" kind: more than its 8 s can take on any machine seen (about 300 uncached searches a second). */
const FRESH_QUERIES = 5_000;
const WRITES = 20;

/** "shown": a figure to compare, with no target of its own. */
type TTarget = "reference" | "shown" | "cached" | "search" | "api";
/**
 * `headers`: sent with every request of the kind. `sequence`: where the kind's next load run starts in `paths`, kept across its rounds
 * so no path is asked twice; without it each run starts from the first path, as the issue's own measurement cycles through them.
 */
type TKind = { name: string; paths: string[]; warmPaths: string[]; target: TTarget; headers?: Record<string, string>; sequence?: { next: number } };
type TRow = {
  page: string;
  paths: number;
  rps: number;
  ratio: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** CPU time per request sent, ms: the app instance's, then PostgreSQL's. */
  cpu: [number, number];
  bytes: number;
  cache: string;
  target: TTarget;
};

const TARGET_TEXT: Record<TTarget, string> = {
  reference: "",
  shown: "",
  cached: ">= 0.5x, p99 <= 150",
  search: ">= 0.2x, p99 <= 300",
  api: "p99 <= 300",
};

function meets(row: TRow): boolean {
  if (row.non2xx > 0) return false;
  if (row.target === "cached") return row.ratio >= 0.5 && row.p99 <= 150;
  if (row.target === "search") return row.ratio >= 0.2 && row.p99 <= 300;
  return row.p99 <= 300;
}

/**
 * What a kind's load runs add up to: every answer's time, the answers that were not 2xx (connection errors included), and the CPU time
 * the app instance and PostgreSQL spent (ms), each run read until both were idle again, so it covers every request `sent`, those still
 * in flight when the run ended (and answered while it settled) too. PostgreSQL's parallel workers, which name no database, are not in it.
 */
type TTally = { latencies: number[]; non2xx: number; seconds: number; completed: number; sent: number; webCpuMs: number; dbCpuMs: number };

/** Runs autocannon over `paths` in turn (each connection takes the next one), adding every answer to `tally`. */
async function load(base: string, kind: Pick<TKind, "paths" | "headers" | "sequence">, seconds: number, tally?: TTally): Promise<void> {
  const { paths } = kind;
  const sequence = kind.sequence ?? { next: 0 };
  const run = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[sequence.next++ % paths.length]!, headers: { ...req.headers, ...kind.headers } }) }],
  });
  run.on("response", (_client, status, _bytes, ms) => {
    tally?.latencies.push(ms);
    if (tally && (status < 200 || status > 299)) tally.non2xx += 1;
  });
  const result = await run;
  if (tally) {
    tally.non2xx += result.errors;
    tally.seconds += result.duration;
    tally.completed += result.requests.total;
    tally.sent += result.requests.sent;
  }
}

/** How many of `paths` the app answers from its page cache (Next's x-nextjs-cache: HIT), asked one at a time. */
async function cachedCount(base: string, paths: readonly string[]): Promise<number> {
  let hits = 0;
  for (const p of paths) {
    const res = await fetch(`${base}${p}`);
    await res.arrayBuffer();
    if (res.headers.get("x-nextjs-cache") === "HIT") hits += 1;
  }
  return hits;
}

/** The path the app really serves for `path`: redirects are followed here, so the load never counts them as pages. */
async function servedPath(base: string, path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 5; hops += 1) {
    const res = await fetch(`${base}${current}`, { redirect: "manual" });
    await res.arrayBuffer();
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return current;
    const target = new URL(location, `${base}${current}`);
    current = `${target.pathname}${target.search}`;
  }
  throw new Error(`${path}: more than 5 redirects`);
}

/**
 * Average body size as sent over a few paths, and what Next's cache header said for them (HIT, STALE, MISS, or "-" when absent): the
 * first paths of a kind, and for a kind that never repeats a query the next ones it had not asked, so they are misses as its load's were.
 */
async function pageWeight(base: string, kind: Pick<TKind, "paths" | "headers" | "sequence">): Promise<{ bytes: number; cache: string }> {
  const from = kind.sequence ? kind.sequence.next : 0;
  const sample = kind.paths.slice(from, from + 5);
  let total = 0;
  const cache = new Set<string>();
  for (const p of sample) {
    // fetch asks for gzip itself and decodes: a kind that names no encoding is weighed as sent without one.
    const res = await fetch(`${base}${p}`, { headers: { "accept-encoding": "identity", ...kind.headers } });
    const decoded = (await res.arrayBuffer()).byteLength;
    total += res.headers.get("content-encoding") ? Number(res.headers.get("content-length") ?? decoded) : decoded;
    cache.add(res.headers.get("x-nextjs-cache") ?? "-");
  }
  return { bytes: Math.round(total / sample.length), cache: [...cache].sort().join("/") };
}

async function pageKinds(databaseUrl: string, words: string[]): Promise<TKind[]> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const step = Math.max(1, Math.floor(COUNT / 50));
    const papers = await db.$queryRaw<{ id: number; arxivId: string }[]>`
      SELECT id, "arxivId" FROM papers WHERE id % ${step} = 0 AND NOT hidden ORDER BY id LIMIT 50`;
    // Ingestion refreshes the similar papers of what it wrote; the paper pages under load need theirs. One paper per call: a batch
    // of 50 outlasts the transaction timeout on a large corpus.
    const similarStart = performance.now();
    let similar = 0;
    try {
      // A reused seed keeps the lists an earlier run computed.
      const done = new Set(
        (await db.$queryRaw<{ id: number }[]>`SELECT DISTINCT "paperId" AS id FROM paper_similar WHERE "paperId" = ANY(${papers.map((p) => p.id)}::int[])`).map(
          (r) => r.id,
        ),
      );
      similar = done.size;
      for (const p of papers) if (!done.has(p.id)) similar += await refreshSimilarPapers({ db, paperIds: [p.id] });
    } catch (err) {
      console.log(`Similar papers: stopped after ${similar} papers; the paper pages under load show no similar papers (${String(err).split("\n").at(-1)})`);
    }
    console.log(`Similar papers of ${similar}/${papers.length} loaded papers computed in ${((performance.now() - similarStart) / 1000).toFixed(1)} s`);
    const days = (await db.$queryRaw<{ day: string }[]>`SELECT DISTINCT to_char("listedOn", 'YYYY-MM-DD') AS day FROM papers ORDER BY day DESC`).map(
      (r) => r.day,
    );
    const periods = (kind: TPeriodKind, limit: number) => [...new Set(days.map((d) => periodPath(periodOf(kind, d)!)))].slice(0, limit);
    // One seed for every set, so the cycled sets stay what earlier runs measured and the fresh ones are distinct from them.
    const allQueries = twoWordQueries(words, QUERIES * 3 + 2 * FRESH_QUERIES, 11);
    const searchQueries = allQueries.slice(0, QUERIES * 3);
    const freshQueries = allQueries.slice(QUERIES * 3);
    const q = (prefix: string, list: string[]) => list.map((query) => `${prefix}${encodeURIComponent(query)}`);
    // Every list a combination not asked before: the corpus's categories and two no paper has, each order, with and without code,
    // and a range of minimum upvotes, so each answer is a cache miss read from the database.
    const categories = (await db.$queryRaw<{ c: string }[]>`SELECT DISTINCT unnest(categories) AS c FROM papers WHERE id % 97 = 0 ORDER BY c`).map((r) => r.c);
    const filterLists = [...categories, "q-bio.SC", "nlin.CG"].flatMap((cat) =>
      ["trending", "new", "top"].flatMap((sort) =>
        ["0", "1"].flatMap((code) => Array.from({ length: 60 }, (_, min) => `/?sort=${sort}&cat=${cat}&code=${code}&min=${min + 1}`)),
      ),
    );
    const same = (name: string, paths: string[], target: TTarget): TKind => ({ name, paths, warmPaths: paths, target });
    return [
      same("/", ["/"], "reference"),
      // As a browser asks for it: the server keeps cached pages' compressed bytes, so this should be about `/` itself.
      { ...same("/ with Accept-Encoding: gzip, deflate, br", ["/"], "shown"), headers: { "accept-encoding": "gzip, deflate, br" } },
      same(
        "/papers/<id>",
        papers.map((p) => `/papers/${encodeURIComponent(p.arxivId)}`),
        "cached",
      ),
      same("/papers/date/…", periods("day", 29), "cached"),
      same("/papers/week/…", periods("week", 23), "cached"),
      same("/papers/month/…", periods("month", 12), "cached"),
      same("/?sort=new, code=1, min=10, sort=top", ["/?sort=new", "/?code=1", "/?min=10", "/?sort=top"], "cached"),
      same("/subscribe", ["/subscribe"], "cached"),
      // Measured queries are never warmed: each is uncached on its first request, as a new visitor's would be.
      {
        name: "/search?q= (varied)",
        paths: q("/search?q=", searchQueries.slice(0, QUERIES)),
        warmPaths: q("/search?q=", searchQueries.slice(QUERIES, 2 * QUERIES)),
        target: "search",
      },
      {
        name: "/api/papers?q= (varied)",
        paths: q("/api/papers?limit=20&q=", searchQueries.slice(2 * QUERIES)),
        warmPaths: q("/api/papers?limit=20&q=", searchQueries.slice(QUERIES, 2 * QUERIES)),
        target: "api",
      },
      // Shown without a target (the issue sets none for lists nobody asked for before): what a client changing filters costs.
      { name: "/?sort&cat&code&min (every list new)", paths: filterLists, warmPaths: ["/?sort=new&cat=cs.CL"], target: "shown", sequence: { next: 0 } },
      // Every request a query not asked before, so every answer is a cache miss: the rows above repeat their 300 queries in each round.
      {
        name: "/search?q= (every query new)",
        paths: q("/search?q=", freshQueries.slice(0, FRESH_QUERIES)),
        warmPaths: q("/search?q=", searchQueries.slice(QUERIES, 2 * QUERIES)),
        target: "search",
        sequence: { next: 0 },
      },
      {
        name: "/api/papers?q= (every query new)",
        paths: q("/api/papers?limit=20&q=", freshQueries.slice(FRESH_QUERIES)),
        warmPaths: q("/api/papers?limit=20&q=", searchQueries.slice(QUERIES, 2 * QUERIES)),
        target: "api",
        sequence: { next: 0 },
      },
    ];
  } finally {
    await db.$disconnect();
  }
}

/** Follows redirects for the cached kinds (which the warm pass fetches anyway) and checks one unmeasured query for the others. */
async function resolveKinds(base: string, kinds: TKind[]): Promise<TKind[]> {
  const out: TKind[] = [];
  for (const kind of kinds) {
    if (kind.target === "search" || kind.target === "api" || kind.sequence) {
      const probe = kind.warmPaths[0]!;
      if ((await servedPath(base, probe)) !== probe) throw new Error(`${probe} redirects: follow it in this benchmark`);
      out.push(kind);
      continue;
    }
    const paths: string[] = [];
    for (const p of kind.paths) {
      const served = await servedPath(base, p);
      if (served !== p) console.log(`${p} redirects to ${served}; loading ${served}`);
      paths.push(served);
    }
    out.push({ ...kind, paths, warmPaths: paths });
  }
  return out;
}

/** Hides and shows one paper WRITES times through the admin's server function, in a process of its own (as a worker would write). */
async function invalidationLatency(databaseUrl: string, bases: { name: string; base: string }[]): Promise<void> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const [paper] = await db.$queryRaw<{ id: number; arxivId: string }[]>`SELECT id, "arxivId" FROM papers WHERE NOT hidden ORDER BY id DESC LIMIT 1`;
    if (!paper) throw new Error("no paper to hide");
    const pagePath = `/papers/${encodeURIComponent(paper.arxivId)}`;
    const latencies = new Map(bases.map((b) => [b.name, [] as number[]]));
    let failures = 0;
    for (let i = 0; i < WRITES; i += 1) {
      const hidden = i % 2 === 0;
      const before = hidden ? 200 : 404;
      for (const { base } of bases) {
        // Twice: the second answer comes from the instance's cache, which the write must then reach.
        for (let k = 0; k < 2; k += 1) {
          const res = await fetch(`${base}${pagePath}`);
          await res.arrayBuffer();
          if (res.status !== before) throw new Error(`${base}${pagePath}: expected ${before} before write ${i + 1}, got ${res.status}`);
        }
      }
      const t0 = performance.now();
      await hidePaper({ db, actor: "bench", id: paper.id, hidden, now: new Date() });
      await Promise.all(
        bases.map(async ({ name, base }) => {
          for (;;) {
            const res = await fetch(`${base}${pagePath}`);
            await res.arrayBuffer();
            const ms = performance.now() - t0;
            if (res.status !== before) return latencies.get(name)!.push(ms);
            if (ms > 10_000) return (failures += 1);
            await sleep(5);
          }
        }),
      );
    }
    for (const [name, list] of latencies) {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        `Invalidation, ${name}: ${WRITES} writes (hide/unhide of ${pagePath} by another process), page changed after median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (target <= 1000 ms)`,
      );
    }
    if (failures) console.log(`Invalidation: ${failures} polls still saw the old page after 10 s`);
  } finally {
    await db.$disconnect();
  }
}

/** After a load run: the app idle, and no query of the run still busy in PostgreSQL (abandoned searches keep running there). */
async function settle(pid: number, databaseUrl: string): Promise<void> {
  await waitUntilIdle(pid);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let waited = 0; waited < 30_000; waited += 100) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
      );
      if (rows[0]?.n === 0) return;
      await sleep(100);
    }
  } finally {
    await client.end();
  }
}

function printTable(rows: TRow[]): void {
  const header = [
    "page",
    "paths",
    "req/s",
    "ratio to /",
    "p50 ms",
    "p99 ms",
    "non-2xx",
    "CPU ms/answer (app + db)",
    "bytes/page",
    "x-nextjs-cache",
    "target",
    "meets",
  ];
  const lines = rows.map((r) => [
    r.page,
    String(r.paths),
    String(r.rps),
    r.ratio.toFixed(2),
    String(r.p50),
    String(r.p99),
    String(r.non2xx),
    `${r.cpu[0].toFixed(1)} + ${r.cpu[1].toFixed(1)}`,
    String(r.bytes),
    r.cache,
    TARGET_TEXT[r.target],
    r.target === "reference" || r.target === "shown" ? "" : meets(r) ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([format(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(format)].join("\n"));
}

async function main() {
  const database = await benchDatabase(corpusDatabaseName(COUNT), { reuse: REUSE });
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  if (database.reused) console.log(`Reusing the seeded database ${new URL(database.url).pathname.slice(1)}`);
  else await seedCorpus(database.url, { count: COUNT, vocabulary, log: console.log });
  if (SEED_ONLY) return database.stop();
  const kinds = (await pageKinds(database.url, vocabulary.words)).filter(
    (kind) => !KINDS || kind.target === "reference" || KINDS.some((word) => kind.name.includes(word)),
  );

  const app = await startApp(database.url, PORT);
  let other: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    const search = await sequentialSearch(app.base, vocabulary);
    console.log(
      `Sequential search over ${COUNT} papers, ${search.queries} queries (uncached): p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms, max ${search.max.toFixed(1)} ms (target p95 <= 50 ms); queries with results: ${search.withResults}/${search.queries}; slowest: ${search.slowest}`,
    );

    const resolved = await resolveKinds(app.base, kinds);
    for (const kind of resolved) {
      await load(app.base, { ...kind, paths: kind.warmPaths, sequence: undefined }, 2);
      await settle(app.pid, database.url);
    }
    const memory = sampleTreeMemory(app.pid);
    // Rounds: every kind runs a slice of its time in each, so a burst of other work on a shared machine falls on all kinds alike.
    const tallies = resolved.map((): TTally => ({ latencies: [], non2xx: 0, seconds: 0, completed: 0, sent: 0, webCpuMs: 0, dbCpuMs: 0 }));
    // Each round starts one kind later, so no kind always follows the slow search runs. The kinds that never repeat a query run in
    // rounds of their own after the others, so the cycled kinds' figures are never of a cache the new queries have just filled.
    // `/` runs in both, so every ratio compares kinds measured side by side.
    const indexes = [...resolved.keys()];
    const fresh = indexes.filter((i) => resolved[i]!.sequence);
    const groups = [indexes.filter((i) => !resolved[i]!.sequence), fresh.length ? [0, ...fresh] : []];
    for (const group of groups) {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let j = 0; j < group.length; j += 1) {
          const i = group[(j + round) % group.length]!;
          const [web, db] = [treeCpuMs(app.pid), databaseCpuMs(database.url)];
          await load(app.base, resolved[i]!, SECONDS / ROUNDS, tallies[i]);
          await settle(app.pid, database.url);
          tallies[i]!.webCpuMs += treeCpuMs(app.pid) - web;
          tallies[i]!.dbCpuMs += databaseCpuMs(database.url) - db;
        }
      }
    }
    // A flood of one-off searches (a crawler's) must not push out the searches people ask again: the cycled kind's pages, read in
    // every round before the flood, should all still be cached after it.
    // Each distinct path of the kinds that never repeat one (lists, searches and API reads alike fill the query-string budget).
    const flood = resolved.reduce((n, kind) => n + (kind.sequence ? Math.min(kind.sequence.next, kind.paths.length) : 0), 0);
    for (const kind of flood > 0 ? resolved.filter((k) => k.target === "search" && !k.sequence) : []) {
      // Asked before the table's byte counts, which read the first paths again; a page no longer cached is rendered again here.
      const hits = await cachedCount(app.base, kind.paths);
      console.log(
        `After ${flood} pages asked once (the kinds where every query or list is new), ${hits} of the ${kind.paths.length} pages of ${kind.name} were still cached`,
      );
    }
    const rows: TRow[] = [];
    for (const [i, kind] of resolved.entries()) {
      const tally = tallies[i]!;
      const sorted = tally.latencies.sort((a, b) => a - b);
      const rps = Math.round(tally.completed / tally.seconds);
      if (Math.abs(sorted.length - tally.completed) > tally.completed * 0.05) {
        console.log(`${kind.name}: autocannon counted ${tally.completed} answers, the response events ${sorted.length}`);
      }
      if (kind.sequence && kind.sequence.next > kind.paths.length) {
        console.log(`${kind.name}: asked ${kind.sequence.next} of its ${kind.paths.length} queries in turn, so some were asked twice`);
      }
      rows.push({
        page: kind.name,
        paths: kind.sequence ? Math.min(kind.sequence.next, kind.paths.length) : kind.paths.length,
        rps,
        ratio: rows[0] ? rps / rows[0].rps : 1,
        p50: Math.round(percentile(sorted, 50)),
        p99: Math.round(percentile(sorted, 99)),
        non2xx: tally.non2xx,
        cpu: [tally.webCpuMs / Math.max(1, tally.sent), tally.dbCpuMs / Math.max(1, tally.sent)],
        ...(await pageWeight(app.base, kind)),
        target: kind.target,
      });
    }
    const peak = memory.stop();
    console.log(
      `\n${COUNT} papers, ${CONNECTIONS} connections, ${SECONDS} s per page kind in ${ROUNDS} rounds after a 2 s warm pass each, one app instance (an answer slower than a round, ${SECONDS / ROUNDS} s, is not seen: \`--rounds 1\` to see it):`,
    );
    printTable(rows);
    console.log(
      `Peak memory of the app instance under this load: ${peak.peakTreeRssMb.toFixed(0)} MB RSS (process tree, sampled every 500 ms), largest process VmHWM ${peak.peakProcessHwmMb.toFixed(0)} MB`,
    );

    if (KINDS) return;
    other = await startApp(database.url, PORT + 1);
    await invalidationLatency(database.url, [
      { name: "instance 1", base: app.base },
      { name: "instance 2", base: other.base },
    ]);
  } finally {
    await other?.stop();
    await app.stop();
    await database.stop();
  }
}

await main();
