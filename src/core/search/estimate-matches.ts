// How many papers PostgreSQL's planner expects a search of plain words to match, worked out from the statistics it reads itself
// (ANALYZE's most common lexemes of the search document), so a search needs no EXPLAIN round trip to size its first score band, and
// which word of a phrase is rare enough to be looked up in the index beside the phrase's pairs.

export type TLexemeStatistics = {
  /** Rows in the table (pg_class.reltuples). */
  rows: number;
  /** The share of documents holding each of the most common lexemes (pg_stats.most_common_elems and their frequencies). */
  frequencies: ReadonlyMap<string, number>;
  /** The least frequency among them: a lexeme not listed is taken to be at most half as common. */
  minFrequency: number;
  nullFraction: number;
};

/** PostgreSQL's DEFAULT_TS_MATCH_SEL: the most a lexeme missing from the statistics is taken to match. */
const DEFAULT_TS_MATCH_SEL = 0.005;

/** The share of documents the planner takes to hold a lexeme: its listed frequency, else min(0.005, least frequency / 2). */
export function lexemeShare(stats: TLexemeStatistics, lexeme: string): number {
  return stats.frequencies.get(lexeme) ?? Math.min(DEFAULT_TS_MATCH_SEL, stats.minFrequency / 2);
}

/**
 * The rarest of a phrase's words (requiredPairLexemes) as printed, a tsquery of that word alone, when at most `maxShare` of the
 * documents hold it (lexemeShare); null when none is that rare.
 */
export function rarePhraseWord(words: readonly { lexeme: string; printed: string }[], stats: TLexemeStatistics, maxShare: number): string | null {
  let rarest: { printed: string; share: number } | null = null;
  for (const { lexeme, printed } of words) {
    const share = lexemeShare(stats, lexeme);
    if (share <= maxShare && (rarest === null || share < rarest.share)) rarest = { printed, share };
  }
  return rarest?.printed ?? null;
}

/**
 * The planner's row estimate (tsmatchsel, for a tsquery of lexemes joined by &) of the documents holding all of `lexemes`: each
 * lexeme's share (lexemeShare) multiplied as if independent, times the rows that
 * have a document, rounded and at least 1, as EXPLAIN prints it. An empty query (only stopwords) matches nothing: 1.
 */
export function estimatedMatches(stats: TLexemeStatistics, lexemes: readonly string[]): number {
  if (lexemes.length === 0) return 1;
  let selectivity = 1;
  for (const lexeme of lexemes) selectivity *= lexemeShare(stats, lexeme);
  return Math.max(1, Math.round(stats.rows * (1 - stats.nullFraction) * Math.min(1, selectivity)));
}
