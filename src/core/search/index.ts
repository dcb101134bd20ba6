// Public surface of search: the search-box query parser and the feed's URL filters.
export { authorWords, isOneWordName, oneWordPerName } from "./author-words";
export { parseSearchQuery } from "./parse-query";
export { noMatchHints, type TNoMatchHint } from "./no-match-hints";
export { highlighterFor } from "./highlight-matches";
export { isPlainWords, plainWordLexemes } from "./english-lexemes";
export { estimatedMatches, lexemeShare, rarePhraseWord, type TLexemeStatistics } from "./estimate-matches";
export {
  allOfLexemes,
  foldHyphenatedWords,
  requiredAdjacentPairs,
  requiredPairLexemes,
  requiresAWord,
  splitTopLevelOr,
  standaloneLexemes,
} from "./read-tsquery";
export {
  feedViewSegment,
  parseFeedFilters,
  ZFeedFilterParams,
  parseFeedView,
  serializeFeedFilters,
  viewSegmentQuery,
  type TFeedFilters,
} from "./parse-feed-filters";
export { trendingBlocks, trendingKey } from "./trending-blocks";
