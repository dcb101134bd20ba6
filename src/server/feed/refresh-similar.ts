// Precomputes "Similar papers" after ingestion: each paper's strongest title/abstract terms, ranked with ts_rank over the GIN-indexed search column.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

export const SIMILAR_PER_PAPER = 6;
const TERMS_PER_PAPER = 12;
const BATCH = 100;

/**
 * A paper's query is its TERMS_PER_PAPER most salient lexemes (title terms weigh 3×, then frequency;
 * author-only lexemes are skipped) joined with OR; the other visible papers are ranked against it.
 * Replaces the given papers' rows (all papers when `paperIds` is omitted). Returns papers processed.
 */
export async function refreshSimilarPapers(opts: { db: Db; paperIds?: number[] }): Promise<number> {
  const { db } = opts;
  let afterId = 0;
  let processed = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT id FROM papers WHERE id > ${afterId} AND NOT hidden
      ${opts.paperIds ? Prisma.sql`AND id = ANY(${opts.paperIds}::int[])` : Prisma.empty}
      ORDER BY id LIMIT ${BATCH}`;
    const last = rows.at(-1);
    if (!last) return processed;
    const ids = rows.map((r) => r.id);
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
            LIMIT ${TERMS_PER_PAPER}
          ) t
        ) q
        CROSS JOIN LATERAL (
          SELECT o.id, ts_rank(o.search, q.tq) AS score FROM papers o
          WHERE q.tq IS NOT NULL AND o.id <> src.id AND NOT o.hidden AND o.search @@ q.tq
          ORDER BY score DESC, o.id LIMIT ${SIMILAR_PER_PAPER}
        ) s
        WHERE src.id = ANY(${ids}::int[])`,
    ]);
    processed += ids.length;
    afterId = last.id;
  }
}
