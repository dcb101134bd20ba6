// The precomputed "Similar papers" lists: which papers to recompute, and the full-text query that ranks each paper's neighbours.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

/** The next keyset batch of visible papers to recompute: all of them, or only `paperIds`. */
export async function listSimilarTargets(opts: { db: Db; afterId: number; limit: number; paperIds?: readonly number[] }): Promise<number[]> {
  const rows = await opts.db.$queryRaw<{ id: number }[]>`
    SELECT id FROM papers WHERE id > ${opts.afterId} AND NOT hidden
    ${opts.paperIds ? Prisma.sql`AND id = ANY(${opts.paperIds}::int[])` : Prisma.empty}
    ORDER BY id LIMIT ${opts.limit}`;
  return rows.map((r) => r.id);
}

/**
 * Replaces the similar lists of `ids`. A paper's terms are its lexemes by salience: title terms weigh 3×, then
 * frequency, then rarity (the document frequency ANALYZE keeps for the search column in pg_stats, a lexeme it
 * does not list counting as rarer than any it does). Author-only lexemes and numbers are skipped. Only
 * `candidates` papers are ranked, never every match: an OR of common terms matches nearly the whole table,
 * and ranking all of it took seconds per paper at 100,000 papers. Candidates share two of the paper's three
 * most salient terms (an AND the GIN index answers from the posting lists of three terms), topped up with
 * papers holding one of its six most salient when there are too few (a paper's top terms can be its own
 * coinages, which no other paper holds). They are ranked with ts_rank against the OR of its `terms`
 * most salient lexemes, best `perPaper` kept.
 */
export async function replaceSimilarPapers(opts: {
  db: Db;
  ids: readonly number[];
  terms: number;
  candidates: number;
  perPaper: number;
  timeoutMs: number;
}): Promise<void> {
  const { db, ids } = opts;
  await db.$transaction(
    [
      // Overlapping ingestion runs refresh the same papers: one batch at a time, each replaces what the other wrote instead of colliding with it.
      db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('paper-digest:refresh-similar'))`,
      db.$executeRaw`DELETE FROM paper_similar WHERE "paperId" = ANY(${ids}::int[])`,
      db.$executeRaw`
      WITH df AS (
        SELECT e.lexeme, e.freq FROM pg_stats s
        CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, freq)
        WHERE s.schemaname = current_schema() AND s.tablename = 'papers' AND s.attname = 'search' AND e.lexeme IS NOT NULL
      ), terms AS (
        SELECT src.id, u.lexeme, row_number() OVER (
          PARTITION BY src.id
          ORDER BY (CASE WHEN 'A' = ANY(u.weights) THEN 3 ELSE 1 END) * cardinality(u.positions)
                   * -ln(coalesce(d.freq, (SELECT coalesce(min(freq), 1) / 2 FROM df))) DESC, u.lexeme
        ) AS n
        FROM papers src CROSS JOIN unnest(src.search) u LEFT JOIN df d ON d.lexeme = u.lexeme
        WHERE src.id = ANY(${ids}::int[]) AND length(u.lexeme) > 2 AND NOT ('C' = ALL(u.weights)) AND u.lexeme !~ '^[0-9.]+$'
      ), queries AS (
        SELECT id, string_agg(quote_literal(lexeme), ' | ' ORDER BY n)::tsquery AS tq,
               array_agg(lexeme ORDER BY n) FILTER (WHERE n <= 3) AS top,
               array_agg(lexeme ORDER BY n) FILTER (WHERE n <= 6) AS wide
        FROM terms WHERE n <= ${opts.terms} GROUP BY id
      )
      INSERT INTO paper_similar ("paperId", "similarId", score)
      SELECT q.id, s.id, s.score
      FROM queries q
      CROSS JOIN LATERAL (
        SELECT (SELECT string_agg(quote_literal(a), ' | ')::tsquery FROM unnest(q.wide) a) AS widened,
               (SELECT string_agg(quote_literal(a) || ' & ' || quote_literal(b), ' | ')::tsquery
                FROM unnest(q.top) WITH ORDINALITY x(a, i) JOIN unnest(q.top) WITH ORDINALITY y(b, j) ON i < j) AS pairs
      ) p
      CROSS JOIN LATERAL (
        SELECT c.id, ts_rank(c.search, q.tq) AS score
        FROM (
          -- The top-up branch runs only when the pairs found fewer than the limit, which stops the append early.
          (SELECT o.id, o.search FROM papers o
           WHERE p.pairs IS NOT NULL AND o.search @@ p.pairs AND o.id <> q.id AND NOT o.hidden LIMIT ${opts.candidates})
          UNION ALL
          (SELECT o.id, o.search FROM papers o
           WHERE o.search @@ p.widened AND NOT coalesce(o.search @@ p.pairs, false) AND o.id <> q.id AND NOT o.hidden LIMIT ${opts.candidates})
          LIMIT ${opts.candidates}
        ) c
        ORDER BY score DESC, c.id LIMIT ${opts.perPaper}
      ) s`,
    ],
    // Sized for a slow batch, or one that waits at the lock for another run's: Prisma's 5 s default aborted the run's after-steps.
    { timeout: opts.timeoutMs },
  );
}
