// Seeded generator of realistic papers for benchmarks: words, authors and code links drawn from the sample listings' vocabulary.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { trendingScore } from "../../src/core/ranking";
import { csvLine, pgArrayLiteral } from "./copy-rows";

export type TBenchPaper = {
  arxivId: string;
  title: string;
  abstract: string;
  authors: string[];
  listedOn: string;
  upvotes: number;
  githubUrl: string | null;
  githubStars: number | null;
  categories: string[];
};

/** mulberry32: small, fast and reproducible for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TVocabulary = { words: string[]; authors: string[] };

export function loadVocabulary(samplesDir: string): TVocabulary {
  const words = new Set<string>();
  const authors = new Set<string>();
  for (const file of readdirSync(samplesDir).filter((f) => f.endsWith(".json"))) {
    const items = JSON.parse(readFileSync(path.join(samplesDir, file), "utf8")) as {
      paper?: { title?: string; summary?: string; authors?: { name?: string }[] };
    }[];
    for (const { paper } of items) {
      for (const w of `${paper?.title ?? ""} ${paper?.summary ?? ""}`.split(/[^A-Za-z-]+/)) if (w.length > 2) words.add(w.toLowerCase());
      for (const a of paper?.authors ?? []) if (a.name) authors.add(a.name);
    }
  }
  return { words: [...words].sort(), authors: [...authors].sort() };
}

const CATEGORIES = ["cs.CL", "cs.CV", "cs.LG", "cs.AI", "stat.ML", "cs.RO", "eess.AS"];

/** A valid, unique new-style arXiv id for the i-th paper: 90,000 per month from January 2020 (the app 404s on an invalid month). */
function benchArxivId(i: number): string {
  const month = Math.floor(i / 90_000);
  const yymm = `${20 + Math.floor(month / 12)}${String(1 + (month % 12)).padStart(2, "0")}`;
  return `${yymm}.${String(10_000 + (i % 90_000)).padStart(5, "0")}`;
}

/** The papers one by one, so a million of them never sit in memory at once; generatePapers gives the same papers as an array. */
export function* streamPapers(opts: { count: number; seed: number; vocabulary: TVocabulary; lastDay: string; days: number }): Generator<TBenchPaper> {
  const rand = seededRandom(opts.seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  // Zipf-like word choice, so some terms are common and most are rare, as in real abstracts.
  const word = () => opts.vocabulary.words[Math.floor(Math.pow(rand(), 2.2) * opts.vocabulary.words.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
  const last = Date.parse(`${opts.lastDay}T00:00:00Z`);
  for (let i = 0; i < opts.count; i += 1) {
    const hasCode = rand() < 0.45;
    const title = phrase(5 + Math.floor(rand() * 8));
    yield {
      arxivId: benchArxivId(i),
      title: title.charAt(0).toUpperCase() + title.slice(1),
      abstract: `${phrase(120 + Math.floor(rand() * 120))}.`,
      authors: Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(opts.vocabulary.authors)),
      listedOn: new Date(last - Math.floor(rand() * opts.days) * 86_400_000).toISOString().slice(0, 10),
      upvotes: Math.floor(Math.pow(rand(), 3) * 400),
      githubUrl: hasCode ? `https://github.com/bench/repo-${i}` : null,
      githubStars: hasCode ? Math.floor(Math.pow(rand(), 3) * 5_000) : null,
      categories: [pick(CATEGORIES)],
    };
  }
}

export function generatePapers(opts: { count: number; seed: number; vocabulary: TVocabulary; lastDay: string; days: number }): TBenchPaper[] {
  return [...streamPapers(opts)];
}

const COLUMNS = [
  "id",
  "arxivId",
  "titleKey",
  "title",
  "abstract",
  "authors",
  "listedOn",
  "upvotes",
  "githubUrl",
  "githubStars",
  "categories",
  "sources",
  "keywords",
  "trendingScore",
  "updatedAt",
];

/** One paper as a CSV line for COPY, with the trending score ingestion would store (no metric readings yet, so no growth). */
function paperRow(id: number, p: TBenchPaper, now: string): string {
  return csvLine([
    String(id),
    p.arxivId,
    p.title.toLowerCase(),
    p.title,
    p.abstract,
    pgArrayLiteral(p.authors),
    p.listedOn,
    String(p.upvotes),
    p.githubUrl,
    p.githubStars === null ? null : String(p.githubStars),
    pgArrayLiteral(p.categories),
    pgArrayLiteral(["hf-daily"]),
    pgArrayLiteral([]),
    String(trendingScore(p)),
    now,
  ]);
}

/** Ids are given, not drawn from the sequence, so they follow the generator's order however the chunks are spread over connections. */
function* csvChunks(papers: Iterable<TBenchPaper>, firstId: number): Generator<string> {
  const now = new Date().toISOString();
  let id = firstId;
  let chunk: string[] = [];
  for (const paper of papers) {
    chunk.push(paperRow(id, paper, now));
    id += 1;
    if (chunk.length === 500) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}

/** Each consumer takes the next chunk when its stream wants more, so a connection that is ahead gets more of the load. */
function* takeFrom(source: Iterator<string>): Generator<string> {
  for (let next = source.next(); !next.done; next = source.next()) yield next.value;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

type TLoadTimes = { copyMs: number; indexMs: number; loaded: number; indexes: { name: string; ms: number }[] };

/**
 * Bulk load with COPY; the generated search columns (`search`, `searchPairs`) fill themselves as for any insert, which costs most of
 * the load, so `connections` COPY streams share it (one per core). With `deferIndexes`, the papers table's secondary indexes are
 * dropped first and rebuilt from their own definitions after the load, largest first, over the same connections, which is much
 * faster for a large load into an empty table than growing GIN indexes row by row.
 */
export async function insertPapers(
  databaseUrl: string,
  papers: Iterable<TBenchPaper>,
  opts: { deferIndexes?: boolean; connections?: number } = {},
): Promise<TLoadTimes> {
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < (opts.connections ?? 1); i += 1) clients.push(await connect(databaseUrl));
    const main = clients[0]!;
    const { rows: indexes } = await main.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = 'papers'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    if (opts.deferIndexes) for (const { name } of indexes) await main.query(`DROP INDEX "${name}"`);
    const { rows: last } = await main.query<{ id: number }>(`SELECT coalesce(max(id), 0)::int AS id FROM papers`);
    const started = performance.now();
    let loaded = 0;
    const counted = function* () {
      for (const paper of papers) {
        loaded += 1;
        yield paper;
      }
    };
    const chunks = csvChunks(counted(), last[0]!.id + 1);
    const copySql = `COPY papers (${COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FORMAT csv)`;
    await Promise.all(clients.map((client) => pipeline(Readable.from(takeFrom(chunks)), client.query(copyFrom(copySql)))));
    await main.query(`SELECT setval(pg_get_serial_sequence('papers', 'id'), (SELECT max(id) FROM papers))`);
    const copyMs = performance.now() - started;
    const built: { name: string; ms: number }[] = [];
    if (opts.deferIndexes) {
      // GIN indexes take most of the time: start them first, so the btrees fill the other connections meanwhile.
      const queue = [...indexes].sort((a, b) => Number(b.def.includes("USING gin")) - Number(a.def.includes("USING gin")));
      await Promise.all(
        clients.map(async (client) => {
          // More memory per build makes GIN builds several times faster; the session's setting ends with this client.
          await client.query("SET maintenance_work_mem = '1GB'");
          for (let index = queue.shift(); index; index = queue.shift()) {
            const indexStart = performance.now();
            await client.query(index.def);
            built.push({ name: index.name, ms: performance.now() - indexStart });
          }
        }),
      );
    }
    return { copyMs, indexMs: performance.now() - started - copyMs, loaded, indexes: built };
  } finally {
    for (const client of clients) await client.end();
  }
}
