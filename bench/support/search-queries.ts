// The search benchmarks' queries, drawn from the generated corpus's vocabulary, and the sequential measurement of /api/papers?q=.
import { plainWordLexemes } from "../../src/core/search/english-lexemes";
import { percentile } from "./bench-stats";
import { seededRandom, type TVocabulary } from "./generate-papers";

/** Words picked as the generator picks them (Zipf-like), so most queries find papers and a few common words find many. */
function corpusWord(words: readonly string[], rand: () => number): string {
  return words[Math.floor(Math.pow(rand(), 2.2) * words.length)]!;
}

/**
 * The vocabulary also holds fragments such as "-step" and "-math-", which the query syntax reads as exclusions, not words. A query
 * that only excludes is refused (400), and so is a fragment beside a stopword, so queries take words only; the mixed queries spell
 * out their own exclusions.
 */
const isExclusion = (word: string) => word.startsWith("-");

/** A query in which PostgreSQL reads no word (its stopwords alone: "about", "about the") is refused (400) as it holds nothing to search for. */
const hasSearchableWord = (query: string) => plainWordLexemes(query).length > 0;

/** What `pick` gives first that is a word search reads, not an exclusion nor a stopword. */
function wordFrom(pick: () => string): string {
  for (;;) {
    const word = pick();
    if (!isExclusion(word) && hasSearchableWord(word)) return word;
  }
}

/** Fifty queries of every syntax search accepts: single words, rare pairs, phrases, OR with exclusion, author filters. */
function mixedQueries(vocabulary: TVocabulary): string[] {
  const { words, authors } = vocabulary;
  const rand = seededRandom(7);
  const common = () => wordFrom(() => corpusWord(words, rand));
  const rare = () => wordFrom(() => words[Math.floor(rand() * words.length)]!);
  const out: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    switch (i % 5) {
      case 0:
        out.push(common());
        break;
      case 1:
        out.push(`${rare()} ${rare()}`);
        break;
      case 2:
        out.push(`"${common()} ${common()}"`);
        break;
      case 3:
        out.push(`${common()} OR ${rare()} -${rare()}`);
        break;
      default:
        out.push(`author:"${authors[Math.floor(rand() * authors.length)]}" ${common()}`);
    }
  }
  return out;
}

/** `count` distinct two-word queries of corpus words (two different words each); a different seed gives a different set. */
export function twoWordQueries(words: readonly string[], count: number, seed: number): string[] {
  const rand = seededRandom(seed);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 100; tries += 1) {
    const a = corpusWord(words, rand);
    const b = corpusWord(words, rand);
    if (a !== b && !isExclusion(a) && !isExclusion(b) && hasSearchableWord(`${a} ${b}`)) out.add(`${a} ${b}`);
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct two-word queries from ${words.length} words`);
  return [...out];
}

/** `slowest`: the three slowest queries with their times, where a p95 of 50 queries comes from. */
type TSequentialSearch = { queries: number; p50: number; p95: number; max: number; withResults: number; slowest: string };

/** Distinct queries that warm a freshly started app (its code optimised, its pool's connections open) without warming the measured ones. */
const WARMUP_QUERIES = 30;

/** The mixed queries one at a time against /api/papers (each uncached on its first request), after warm-up queries of their own. */
export async function sequentialSearch(base: string, vocabulary: TVocabulary): Promise<TSequentialSearch> {
  const timed: { q: string; ms: number }[] = [];
  let withResults = 0;
  // Measured right after the app starts, the first few dozen requests ran unoptimised code: p95 moved 22–63 ms between runs at
  // 100,000 papers, while the same queries through listPapers took about 10 ms.
  const measured = mixedQueries(vocabulary);
  for (const q of twoWordQueries(vocabulary.words, WARMUP_QUERIES, 99).filter((w) => !measured.includes(w))) {
    const res = await fetch(`${base}/api/papers?limit=20&q=${encodeURIComponent(q)}`);
    await res.arrayBuffer();
  }
  for (const q of measured) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/papers?limit=20&q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { papers?: unknown[] };
    timed.push({ q, ms: performance.now() - t0 });
    if (!res.ok) throw new Error(`${q}: HTTP ${res.status}`);
    if ((body.papers?.length ?? 0) > 0) withResults += 1;
  }
  const sorted = timed.map(({ ms }) => ms).sort((a, b) => a - b);
  const slowest = timed
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map(({ q, ms }) => `${q} (${ms.toFixed(1)} ms)`)
    .join(", ");
  return { queries: timed.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, withResults, slowest };
}
