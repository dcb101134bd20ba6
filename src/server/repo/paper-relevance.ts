// Relevance candidates for text search: the most trending matches, ranked with ts_rank, read without touching every match.
import { estimatedMatches, trendingBlocks, trendingKey, type TLexemeStatistics } from "@/core/search";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

/**
 * How many of the most trending matches a relevance-ordered search ranks: ten pages of results. An uncached search's database time is
 * mostly proportional to it (the band's heap rows and a TOASTed document per candidate for ts_rank); at 500 it was a third more.
 */
const RELEVANCE_CANDIDATES = 200;

/**
 * The first pass looks for this many times the candidates it needs among the estimated matches; every match in the band is a heap
 * row read. Against 3, PostgreSQL's CPU per search over 560 two-word queries at 1,000,000 papers was 11% lower (15.7-15.8 against
 * 17.5-18.1 ms, second passes included), 3% at 100,000; 1.5 saved 6% more at a million and nothing at 100,000, with less room for
 * an estimate that runs high.
 */
const BAND_MARGIN = 2;
/** Each further pass widens the band this many times, until it would cover half of all papers. */
const BAND_GROWTH = 4;
const MAX_BAND_SHARE = 0.5;

type TRankedId = { id: number; rank: number };

type TBand = { band: Prisma.Sql; last: boolean };

type TPlan = { "Node Type": string; "Plan Rows": number; "Parallel Aware"?: boolean; Plans?: TPlan[] };
type TExplainRow = { "QUERY PLAN": [{ Plan: TPlan }] };

/** The first Append node down the plan's first children: where a UNION ALL's branches are. */
function appendOf(plan: TPlan | undefined): TPlan | undefined {
  for (let node = plan; node; node = node.Plans?.[0]) if (node["Node Type"] === "Append") return node;
  return undefined;
}

/**
 * The planner's smallest estimate of the matches over `conditions`, each a reading of the search that its matches all meet, in one
 * EXPLAIN of their UNION ALL: the smallest of the Append's branches. A plan of another shape (a parallel Append counts rows per worker) gives its total,
 * the sum of the branches: too many matches, so a smaller band and perhaps a second pass, never a wrong result.
 */
async function estimateMatches(db: Db, from: Prisma.Sql, conditions: readonly Prisma.Sql[]): Promise<number> {
  const branches = Prisma.join(
    conditions.map((condition) => Prisma.sql`SELECT 1 FROM ${from} WHERE ${condition}`),
    " UNION ALL ",
  );
  const [row] = await db.$queryRaw<TExplainRow[]>`EXPLAIN (FORMAT JSON) ${branches}`;
  const plan = row?.["QUERY PLAN"][0].Plan;
  const append = conditions.length > 1 ? appendOf(plan) : undefined;
  const perBranch = append && !append["Parallel Aware"] && append.Plans?.length === conditions.length ? append.Plans : undefined;
  const rows = perBranch ? Math.min(...perBranch.map((branch) => branch["Plan Rows"])) : plan?.["Plan Rows"];
  return Math.max(1, rows ?? 1);
}

/** How long the statistics read from pg_stats are reused: they change only when ANALYZE runs, and any threshold or estimate is correct. */
const STATISTICS_TTL_MS = 60_000;

/**
 * What ANALYZE knows of the papers: the trending score's equal-frequency bucket bounds, ascending, and the search document's most
 * common lexemes; either null before the table has statistics.
 */
type TSearchStatistics = { bounds: number[] | null; lexemes: TLexemeStatistics | null };

/** Per client, so each test database and each process reads its own. */
const statistics = new WeakMap<Db, { value: TSearchStatistics; readAt: number }>();

type TStatisticsRow = { h: number[] | null; elems: string[] | null; freqs: number[] | null; nullFrac: number | null; rows: number | null };

/** One read of both, once a minute per process, not per search (reading pg_stats cost a search about 1 ms of the database's time). */
async function searchStatistics(db: Db, now: number): Promise<TSearchStatistics> {
  const cached = statistics.get(db);
  if (cached && now - cached.readAt < STATISTICS_TTL_MS) return cached.value;
  const [row] = await db.$queryRaw<TStatisticsRow[]>`
    SELECT (SELECT histogram_bounds::text::float8[] FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'papers' AND attname = 'trendingScore') AS h,
           s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs, s.null_frac::float8 AS "nullFrac",
           (SELECT reltuples::float8 FROM pg_class WHERE oid = 'papers'::regclass) AS rows
    FROM (SELECT 1) one
    LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'papers' AND s.attname = 'search'`;
  const value = { bounds: row?.h ?? null, lexemes: row ? lexemeStatistics(row) : null };
  statistics.set(db, { value, readAt: now });
  return value;
}

/** What ANALYZE knows of the search document's lexemes (searchStatistics: read once a minute), or null before it has run. */
export async function searchLexemeStatistics(db: Db): Promise<TLexemeStatistics | null> {
  return (await searchStatistics(db, Date.now())).lexemes;
}

/**
 * The lexeme frequencies as tsmatchsel reads them: the frequencies array holds one per lexeme, then the least and the greatest
 * (and, since PostgreSQL 9.2, the share of empty documents): anything else, or a table never analyzed (reltuples -1), is none.
 */
function lexemeStatistics(row: TStatisticsRow): TLexemeStatistics | null {
  const { elems, freqs, rows } = row;
  // No rows (VACUUM found none after an ANALYZE that did) would estimate every search at one match: the planner is asked instead.
  if (!elems || !freqs || rows === null || rows <= 0 || freqs.length < elems.length + 2) return null;
  return {
    rows,
    frequencies: new Map(elems.map((lexeme, i) => [lexeme, freqs[i]!])),
    minFrequency: freqs[elems.length]!,
    nullFraction: row.nullFrac ?? 0,
  };
}

/**
 * A trending score above which about `fraction` of all papers lie, read off ANALYZE's histogram of the column (equal-frequency
 * buckets, interpolated within the bucket: at a million papers a bucket holds 10,000 of them, and rounding the band up to whole
 * buckets made a common word's band ten times what it needed); null before the table has statistics. Walking the trending index to
 * the paper at that rank cost a read of up to half the index (20 ms for 50,000 entries at 100,000 papers, ten times that at a million).
 * Any threshold gives the same answer (the bands only split the ordered scan); a good one reads fewer matches, so the histogram is
 * read once a minute, not per search (reading pg_stats cost a search about 1 ms of the database's time).
 */
function trendingThreshold(bounds: number[] | null, fraction: number): number | null {
  if (!bounds || bounds.length < 2) return null;
  const at = Math.min(1, Math.max(0, 1 - fraction)) * (bounds.length - 1);
  const bucket = Math.min(Math.floor(at), bounds.length - 2);
  return bounds[bucket]! + (at - bucket) * (bounds[bucket + 1]! - bounds[bucket]!);
}

/**
 * The `limit` most trending matches within a score band with their ts_rank, as a relation of (id, rank). `+ 0` keeps the planner
 * off an ordered walk of the trending index, which would test @@ against every walked row's TOASTed document: the band and the text
 * query are answered together by the GIN index on the search document and the trending blocks.
 */
function bandCandidates(opts: { from: Prisma.Sql; tsq: Prisma.Sql; where: Prisma.Sql; band: Prisma.Sql; limit: number }): Prisma.Sql {
  return Prisma.sql`SELECT c.id, ts_rank(c.search, q.tsq)::float8 AS rank
    FROM (SELECT p.id, p.search FROM ${opts.from} WHERE ${opts.where} AND ${opts.band}
          ORDER BY p."trendingScore" + 0 DESC, p.id DESC LIMIT ${opts.limit}) c CROSS JOIN ${opts.tsq}`;
}

/** A further band's candidates, as one JSON array of pairs: mapping hundreds of result rows costs Prisma more than the query. */
async function rankSlice(db: Db, opts: { from: Prisma.Sql; tsq: Prisma.Sql; where: Prisma.Sql; band: Prisma.Sql; limit: number }): Promise<TRankedId[]> {
  const [row] = await db.$queryRaw<{ ranked: string | null }[]>`
    SELECT json_agg(json_build_array(c.id, c.rank))::text AS ranked FROM (${bandCandidates(opts)}) c`;
  return parsePairs(row?.ranked ?? null);
}

function parsePairs(json: string | null): TRankedId[] {
  const pairs = JSON.parse(json ?? "[]") as [number, number][];
  return pairs.map(([id, rank]) => ({ id, rank }));
}

/**
 * Score bands in trending order, each a range of trending keys [readKeys, bandEnd) read once, the first sized from the planner's
 * estimate of the matches so that it holds about BAND_MARGIN times the candidates wanted, each further one BAND_GROWTH times wider,
 * and the last one everything not yet read.
 */
function* trendingBands(matches: number, bounds: number[] | null, wanted: number): Generator<TBand, void, undefined> {
  let share = (BAND_MARGIN * wanted) / matches;
  // Keys below readKeys have been read.
  let readKeys = 0;
  for (;;) {
    const lower = share <= MAX_BAND_SHARE ? trendingThreshold(bounds, share) : null;
    share *= BAND_GROWTH;
    if (lower === null) {
      yield { band: readKeys > 0 ? Prisma.sql`paper_trending_key(p."trendingScore") >= ${readKeys}::int4` : Prisma.sql`TRUE`, last: true };
      return;
    }
    // Every paper scoring at least `lower` has a key up to trendingKey(lower).
    const bandEnd = trendingKey(lower) + 1;
    // Within the keys already read (the same score unit): nothing new until the band reaches the next key.
    if (bandEnd <= readKeys) continue;
    yield { band: Prisma.sql`paper_trending_blocks(p."trendingScore") && ${trendingBlocks(readKeys, bandEnd)}::int4[]`, last: false };
    readKeys = bandEnd;
  }
}

type TMatchQuery = { from: Prisma.Sql; where: Prisma.Sql; estimate?: readonly Prisma.Sql[]; lexemes?: readonly string[] };

/**
 * The planner's estimate of a search's matches (rankedPage's options): worked out here from the statistics when the search asks only
 * for documents holding all of some lexemes, else asked of the planner with an EXPLAIN. The two can differ a little (the planner scales
 * reltuples to the table's current size and counts NOT hidden), which only moves where the first band ends, never the results.
 */
export async function estimateSearchMatches(db: Db, query: TMatchQuery): Promise<number> {
  const lexemes = await searchLexemeStatistics(db);
  if (query.lexemes && lexemes) return estimatedMatches(lexemes, query.lexemes);
  return estimateMatches(db, query.from, query.estimate ?? [query.where]);
}

/**
 * Whether a list with words, author names, a category or a period should be read whole through their index and sorted, rather than by
 * walking its order's index until a page of matches turns up: when the matches are estimated under 20,000, or under 1% of the papers
 * where that is more. Walking the index for rare matches reads every row's search document and finds none (`zzzqqq` by newest took
 * 64 s at a million papers, the planner guessing 4,372 matches for a word it keeps no statistics of); a guess for such a word or
 * category is at most 0.5% of the papers, so it always counts as few. Sorting that many matches costs a few hundred ms at most; dense
 * ones are found in the index within a few thousand rows.
 *
 * A list filtered only by a category, code and upvotes (`filtersOnly`, with its page's `limit`) opens no search document as it walks,
 * and its matches lie spread through every order, so a walk finds its page after about limit × papers / matches rows: fewer than the
 * matches once they pass √(limit × papers). It reads them whole below twice that (at least 2,000): a category of 14,400 of 100,000
 * papers, with code and upvotes, took 106-113 ms read whole and 20-36 ms walked.
 */
export async function hasFewMatches(db: Db, query: TMatchQuery & { filtersOnly?: { limit: number } }): Promise<boolean> {
  const rows = (await searchLexemeStatistics(db))?.rows ?? 0;
  const matches = await estimateSearchMatches(db, query);
  if (query.filtersOnly) return matches < Math.max(2_000, 2 * Math.sqrt(query.filtersOnly.limit * rows));
  return matches < Math.max(20_000, rows / 100);
}

/** The candidates after the cursor, best first, cut to the page: the relation `k` a page's rows are read from. */
function pageOf(candidates: Prisma.Sql, cursor: TRankCursor | null, limit: number): Prisma.Sql {
  const after = cursor ? Prisma.sql`WHERE (c.rank, c.id) < (${cursor.rank}::float8, ${cursor.id}::int4)` : Prisma.empty;
  return Prisma.sql`(SELECT c.id, c.rank FROM ${candidates} ${after} ORDER BY c.rank DESC, c.id DESC LIMIT ${limit}) k`;
}

export type TRankCursor = { rank: number; id: number };

/**
 * One page of a relevance-ordered search: of the RELEVANCE_CANDIDATES most trending papers matching `where`, ranked with ts_rank,
 * the `limit` best after the cursor. `rowsOf(k)` is the SELECT of the page's rows from the relation `k` (id, rank), each row with
 * its `id` and `rank`; the rows come back best first.
 *
 * A common term is first looked for only among the most trending papers (a score band sized from the planner's estimate of the
 * matches), so its tens of thousands of matches are never all read; lower bands, then all the rest, are read only while too few
 * have been found. The result is the same as ranking the top matches of one ordered scan. The first band and the page are one
 * statement: it suffices for most searches, and each round trip cost the app about half a millisecond of socket writes.
 */
export async function rankedPage<TRow extends { id: number; rank: number }>(
  db: Db,
  opts: {
    from: Prisma.Sql;
    tsq: Prisma.Sql;
    where: Prisma.Sql;
    cursor: TRankCursor | null;
    limit: number;
    rowsOf: (k: Prisma.Sql) => Prisma.Sql;
    candidates?: number;
    /** Readings of `where` the planner estimates better, the smallest estimate taken (author names, phrases: listPapers); `where` itself by default. */
    estimate?: readonly Prisma.Sql[];
    /**
     * When `where` asks only for documents holding all of these lexemes (words, hyphenated ones folded; nothing else but NOT hidden): its
     * matches are estimated from the statistics as the planner would, without asking it (an EXPLAIN cost a search a round trip, 1.7 ms
     * of the database's time and about 1 ms of this process's).
     */
    lexemes?: readonly string[];
  },
): Promise<TRow[]> {
  const wanted = opts.candidates ?? RELEVANCE_CANDIDATES;
  const matches = await estimateSearchMatches(db, opts);
  const bands = trendingBands(matches, (await searchStatistics(db, Date.now())).bounds, wanted);
  const first = bands.next().value as TBand;
  const firstRows = await db.$queryRaw<(TRow & { bandFound: number; bandRanked: string | null })[]>`
    WITH c AS MATERIALIZED (${bandCandidates({ ...opts, band: first.band, limit: wanted })})
    SELECT s."bandFound", s."bandRanked", r.*
    FROM (SELECT count(*)::int AS "bandFound",
                 CASE WHEN ${first.last}::boolean OR count(*) >= ${wanted} THEN NULL
                      ELSE json_agg(json_build_array(c.id, c.rank))::text END AS "bandRanked"
          FROM c) s
    LEFT JOIN (${opts.rowsOf(pageOf(Prisma.sql`c`, opts.cursor, opts.limit))}) r ON TRUE`;
  const head = firstRows[0];
  if (first.last || !head || head.bandFound >= wanted) {
    return firstRows.flatMap(({ bandFound: _f, bandRanked: _r, ...row }) => (row.id === null ? [] : [row as unknown as TRow])).sort(byRank);
  }
  const found = parsePairs(head.bandRanked);
  for (const { band } of bands) {
    if (found.length >= wanted) break;
    found.push(...(await rankSlice(db, { ...opts, band, limit: wanted - found.length })));
  }
  if (found.length === 0) return [];
  const candidates = Prisma.sql`(SELECT unnest(${found.map((r) => r.id)}::int4[]) AS id, unnest(${found.map((r) => r.rank)}::float8[]) AS rank) c`;
  const rows = await db.$queryRaw<TRow[]>`${opts.rowsOf(pageOf(candidates, opts.cursor, opts.limit))}`;
  return rows.sort(byRank);
}

const byRank = (a: { id: number; rank: number }, b: { id: number; rank: number }) => b.rank - a.rank || b.id - a.id;
