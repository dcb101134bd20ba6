// What a search that found nothing could change, read off its query and filters alone, so the empty results page asks the database nothing more.
import type { TFeedFilters } from "./parse-feed-filters";
import { parseSearchQuery } from "./parse-query";

/**
 * `without-filters`: the list filters may be what left nothing; `fewer-words`: every word must match; `drop-quotes`: a phrase must
 * match as written; `check-author`: an `author:` filter may be misspelt; `author-syntax`: a name typed as words is searched everywhere.
 */
export type TNoMatchHint = "without-filters" | "fewer-words" | "drop-quotes" | "check-author" | "author-syntax";

export function noMatchHints(filters: Pick<TFeedFilters, "q" | "category" | "hasCode" | "minUpvotes">): TNoMatchHint[] {
  const hints: TNoMatchHint[] = [];
  if (filters.category || filters.hasCode || filters.minUpvotes > 0) hints.push("without-filters");
  const query = parseSearchQuery(filters.q ?? "");
  // A paper's id names one paper: no wording of it would match more.
  if (query.arxivId) return hints;
  // OR already widens a search, and an excluded word cannot be why nothing matched what is left.
  const words = query.text.split(" ").filter((word) => word !== "" && word !== "OR" && !word.startsWith("-"));
  if (words.length > 1 && !query.text.split(" ").includes("OR")) hints.push("fewer-words");
  if (query.text.includes('"')) hints.push("drop-quotes");
  hints.push(query.authors.length > 0 ? "check-author" : "author-syntax");
  return hints;
}
