// Seeded generator of realistic papers for benchmarks: words, authors and code links drawn from the sample listings' vocabulary.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

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

export function generatePapers(opts: { count: number; seed: number; vocabulary: TVocabulary; lastDay: string; days: number }): TBenchPaper[] {
  const rand = seededRandom(opts.seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  // Zipf-like word choice, so some terms are common and most are rare, as in real abstracts.
  const word = () => opts.vocabulary.words[Math.floor(Math.pow(rand(), 2.2) * opts.vocabulary.words.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
  const last = Date.parse(`${opts.lastDay}T00:00:00Z`);
  return Array.from({ length: opts.count }, (_, i) => {
    const hasCode = rand() < 0.45;
    const title = phrase(5 + Math.floor(rand() * 8));
    return {
      arxivId: `${String(2000 + Math.floor(i / 90_000)).slice(-4)}.${String(10_000 + (i % 90_000)).padStart(5, "0")}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      abstract: `${phrase(120 + Math.floor(rand() * 120))}.`,
      authors: Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(opts.vocabulary.authors)),
      listedOn: new Date(last - Math.floor(rand() * opts.days) * 86_400_000).toISOString().slice(0, 10),
      upvotes: Math.floor(Math.pow(rand(), 3) * 400),
      githubUrl: hasCode ? `https://github.com/bench/repo-${i}` : null,
      githubStars: hasCode ? Math.floor(Math.pow(rand(), 3) * 5_000) : null,
      categories: [pick(CATEGORIES)],
    };
  });
}

/** Bulk insert (unnest batches); the generated search column and its GIN index fill themselves. */
export async function insertPapers(databaseUrl: string, papers: TBenchPaper[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < papers.length; i += 2_000) {
      const batch = papers.slice(i, i + 2_000);
      await client.query(
        `INSERT INTO papers ("arxivId", "titleKey", title, abstract, authors, "listedOn", upvotes, "githubUrl", "githubStars", categories, sources, keywords, "updatedAt")
         SELECT a, lower(t), t, ab, string_to_array(au, '|'), d::date, u, g, s, ARRAY[c], ARRAY['hf-daily'], '{}', now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::text[]) AS x(a, t, ab, au, d, u, g, s, c)`,
        [
          batch.map((p) => p.arxivId),
          batch.map((p) => p.title),
          batch.map((p) => p.abstract),
          batch.map((p) => p.authors.join("|")),
          batch.map((p) => p.listedOn),
          batch.map((p) => p.upvotes),
          batch.map((p) => p.githubUrl),
          batch.map((p) => p.githubStars),
          batch.map((p) => p.categories[0]),
        ],
      );
    }
  } finally {
    await client.end();
  }
}
