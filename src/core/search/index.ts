// Public surface of search: the search-box query parser and the feed's URL filters.
export { parseSearchQuery, type TSearchQuery } from "./parse-query";
export { foldHyphenatedWords, requiredAdjacentPairs, splitTopLevelOr } from "./read-tsquery";
export {
  FEED_SORTS,
  MAX_CURSOR_LENGTH,
  MAX_MIN_UPVOTES,
  MAX_QUERY_LENGTH,
  ZFeedFilters,
  parseFeedFilters,
  serializeFeedFilters,
  type TFeedFilters,
  type TFeedSort,
  type TParseResult,
} from "./parse-feed-filters";
