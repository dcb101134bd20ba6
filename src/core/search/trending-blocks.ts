// The trending bands of text search as exact index keys: a band of scores becomes a handful of aligned blocks the GIN index looks up.
//
// A paper's trending key counts whole score units (about days) down from KEY_ORIGIN, so a more trending paper has a smaller key, and
// the index holds, beside its search document, one block per level: its key divided by 4^level, tagged with the level. A band of keys
// [lo, hi) is the union of at most a few dozen aligned blocks, each an exact entry in the index. A range of trending scores in a
// btree_gin index is a partial match instead, which reads every paper in the band whatever the words (half of PostgreSQL's time per
// search at a million papers). The migration `search_trending_blocks` defines the same layout in SQL (paper_trending_key,
// paper_trending_blocks); tests/integration/search-relevance.test.ts checks that the two agree.

/** Scores count days since 1970 plus the log of a paper's points: below 32,768 until the year 2059, and later scores share key 0. */
const KEY_ORIGIN = 32_768;
/** Keys fit in the 24 bits below the level's tag. */
const MAX_KEY = 2 ** 24 - 1;
/** Block widths 1, 4, 16, … 16,384 keys: any band of keys needs at most three blocks per level on each side. */
export const BLOCK_LEVELS = 8;

/** The trending key of a score, as paper_trending_key computes it: a smaller key for a higher score, equal keys for one score unit. */
export function trendingKey(score: number): number {
  return Math.max(0, Math.min(MAX_KEY, Math.floor(KEY_ORIGIN - score)));
}

/** The blocks whose union is exactly the keys [lo, hi), largest first where they align, as paper_trending_blocks encodes them. */
export function trendingBlocks(lo: number, hi: number): number[] {
  const blocks: number[] = [];
  let at = Math.max(0, Math.floor(lo));
  const end = Math.min(MAX_KEY + 1, Math.floor(hi));
  while (at < end) {
    let level = BLOCK_LEVELS - 1;
    while (level > 0 && (at % 4 ** level !== 0 || at + 4 ** level > end)) level -= 1;
    blocks.push(level * 2 ** 24 + at / 4 ** level);
    at += 4 ** level;
  }
  return blocks;
}
