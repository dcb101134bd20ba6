// Relevance candidates for text search: the most trending matches, ranked with ts_rank, read without touching every match.
import { trendingBlocks, trendingKey } from "@/core/search";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

/**
 * How many of the most trending matches a relevance-ordered search ranks: ten pages of results. An uncached search's database time is
 * mostly proportional to it (the band's heap rows and a TOASTed document per candidate for ts_rank); at 500 it was a third more.
 */
const RELEVANCE_CANDIDATES = 200;

/** The first pass looks for this many times the candidates it needs among the estimated matches. */
const BAND_MARGIN = 3;
/** Each further pass widens the band this many times, until it would cover half of all papers. */
const BAND_GROWTH = 4;
const MAX_BAND_SHARE = 0.5;

export type TRankedId = { id: number; rank: number };

type TExplainRow = { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] };

async function estimateMatches(db: Db, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<TExplainRow[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} WHERE ${where}`;
  return Math.max(1, row?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 1);
}

/** How long the trending histogram read from pg_stats is reused: it changes only when ANALYZE runs, and any threshold is correct. */
const HISTOGRAM_TTL_MS = 60_000;

type THistogram = { bounds: number[] | null; readAt: number };

/** Per client, so each test database and each process reads its own. */
const histograms = new WeakMap<Db, THistogram>();

/** ANALYZE's equal-frequency bucket bounds of the trending score, ascending; null before the table has statistics. */
async function trendingHistogram(db: Db, now: number): Promise<number[] | null> {
  const cached = histograms.get(db);
  if (cached && now - cached.readAt < HISTOGRAM_TTL_MS) return cached.bounds;
  const rows = await db.$queryRaw<{ h: number[] | null }[]>`
    SELECT histogram_bounds::text::float8[] AS h FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = 'papers' AND attname = 'trendingScore'`;
  const bounds = rows[0]?.h ?? null;
  histograms.set(db, { bounds, readAt: now });
  return bounds;
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
 * The `limit` most trending matches within a score band, ranked. `+ 0` keeps the planner off an ordered
 * walk of the trending index, which would test @@ against every walked row's TOASTed document: the band
 * and the text query are answered together by the GIN index on the search document and the trending blocks. The pairs come
 * back as one JSON array, because mapping hundreds of result rows costs Prisma more than the query.
 */
async function rankSlice(db: Db, opts: { from: Prisma.Sql; tsq: Prisma.Sql; where: Prisma.Sql; band: Prisma.Sql; limit: number }): Promise<TRankedId[]> {
  const [row] = await db.$queryRaw<{ ranked: string | null }[]>`
    SELECT json_agg(json_build_array(c.id, ts_rank(c.search, q.tsq)::float8))::text AS ranked
    FROM (SELECT p.id, p.search FROM ${opts.from} WHERE ${opts.where} AND ${opts.band}
          ORDER BY p."trendingScore" + 0 DESC, p.id DESC LIMIT ${opts.limit}) c CROSS JOIN ${opts.tsq}
  `;
  const pairs = JSON.parse(row?.ranked ?? "[]") as [number, number][];
  return pairs.map(([id, rank]) => ({ id, rank }));
}

/**
 * The RELEVANCE_CANDIDATES most trending papers matching `where`, with their ts_rank, best first.
 * A common term is first looked for only among the most trending papers (a score band sized from the
 * planner's estimate of the matches), so its tens of thousands of matches are never all read; lower
 * bands, then all the rest, are read only while too few have been found. The result is the same as
 * ranking the top matches of one ordered scan.
 */
export async function rankedCandidates(db: Db, opts: { from: Prisma.Sql; tsq: Prisma.Sql; where: Prisma.Sql; candidates?: number }): Promise<TRankedId[]> {
  const wanted = opts.candidates ?? RELEVANCE_CANDIDATES;
  const found: TRankedId[] = [];
  const matches = await estimateMatches(db, opts.from, opts.where);
  const bounds = await trendingHistogram(db, Date.now());
  let share = (BAND_MARGIN * wanted) / matches;
  // Bands are ranges of trending keys, [readKeys, bandEnd), each read once: keys below readKeys have been read.
  let readKeys = 0;
  while (found.length < wanted) {
    const lower = share <= MAX_BAND_SHARE ? trendingThreshold(bounds, share) : null;
    // Every paper scoring at least `lower` has a key up to trendingKey(lower).
    const bandEnd = lower === null ? null : trendingKey(lower) + 1;
    if (bandEnd !== null && bandEnd <= readKeys) {
      // Within the keys already read (the same score unit): nothing new until the band reaches the next key.
      share *= BAND_GROWTH;
      continue;
    }
    const band =
      bandEnd !== null
        ? Prisma.sql`paper_trending_blocks(p."trendingScore") && ${trendingBlocks(readKeys, bandEnd)}::int4[]`
        : readKeys > 0
          ? Prisma.sql`paper_trending_key(p."trendingScore") >= ${readKeys}::int4`
          : Prisma.sql`TRUE`;
    found.push(...(await rankSlice(db, { ...opts, band, limit: wanted - found.length })));
    if (bandEnd === null) break;
    readKeys = bandEnd;
    share *= BAND_GROWTH;
  }
  return found.sort((a, b) => b.rank - a.rank || b.id - a.id);
}
