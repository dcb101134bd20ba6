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
 * Replaces the similar lists of `ids`. A paper's query is its `terms` most salient lexemes (title terms weigh 3×,
 * then frequency; author-only lexemes and numbers are skipped) joined with OR; the other visible papers are
 * ranked against it with ts_rank over the GIN-indexed search column, best `perPaper` kept.
 */
export async function replaceSimilarPapers(opts: { db: Db; ids: readonly number[]; terms: number; perPaper: number }): Promise<void> {
  const { db, ids } = opts;
  await db.$transaction([
    // Overlapping ingestion runs refresh the same papers: one batch at a time, each replaces what the other wrote instead of colliding with it.
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('paper-digest:refresh-similar'))`,
    db.$executeRaw`DELETE FROM paper_similar WHERE "paperId" = ANY(${ids}::int[])`,
    db.$executeRaw`
      INSERT INTO paper_similar ("paperId", "similarId", score)
      SELECT src.id, s.id, s.score
      FROM papers src
      CROSS JOIN LATERAL (
        SELECT string_agg(quote_literal(t.lexeme), ' | ')::tsquery AS tq
        FROM (
          SELECT u.lexeme FROM unnest(src.search) u
          WHERE length(u.lexeme) > 2 AND NOT ('C' = ALL(u.weights)) AND u.lexeme !~ '^[0-9.]+$'
          ORDER BY (CASE WHEN 'A' = ANY(u.weights) THEN 3 ELSE 1 END) * cardinality(u.positions) DESC, u.lexeme
          LIMIT ${opts.terms}
        ) t
      ) q
      CROSS JOIN LATERAL (
        SELECT o.id, ts_rank(o.search, q.tq) AS score FROM papers o
        WHERE q.tq IS NOT NULL AND o.id <> src.id AND NOT o.hidden AND o.search @@ q.tq
        ORDER BY score DESC, o.id LIMIT ${opts.perPaper}
      ) s
      WHERE src.id = ANY(${ids}::int[])`,
  ]);
}
