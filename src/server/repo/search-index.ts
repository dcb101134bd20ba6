// Keeps the search indexes' new entries out of GIN's pending list, which every search reads through until it is merged.
import type { Db } from "../db";

/**
 * Moves what writes left in the pending lists of the two search indexes into the indexes proper; the number of pages it merged.
 * GIN adds new entries to a pending list (fastupdate, PostgreSQL's default), merged only by VACUUM, by a write that fills it to
 * `gin_pending_list_limit`, or by this, and every search scans the whole list: with 300 new papers pending at 100,000 a highlighted
 * relevance page took 8.59–8.93 ms against 7.75–8.70 ms once they were merged, slower in each of six passes by 0.2–1.1 ms; the merge
 * took 0.2–0.4 s (bench/search.ts). Needs the indexes' owner.
 */
export async function mergePendingSearchEntries(opts: { db: Db }): Promise<number> {
  const [row] = await opts.db.$queryRaw<{ pages: number }[]>`
    SELECT (gin_clean_pending_list('papers_search_blocks_idx'::regclass)
          + gin_clean_pending_list('papers_search_pairs_blocks_idx'::regclass))::int AS pages`;
  return row?.pages ?? 0;
}
