// What a search that found nothing could change, read off its query and filters alone, so the empty results page asks the database nothing more.
import type { TFeedFilters } from "./parse-feed-filters";
import { lexemeOf } from "./english-lexemes";
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
  const { words, phrases, alternatives } = readWords(query.text);
  // OR already widens a search, and an excluded word cannot be why nothing matched what is left.
  if (words > 1 && !alternatives) hints.push("fewer-words");
  if (phrases > 0) hints.push("drop-quotes");
  hints.push(query.authors.length > 0 ? "check-author" : "author-syntax");
  return hints;
}

/**
 * The query as websearch_to_tsquery reads it: "or" in any case joins alternatives, a quoted phrase is one term, a term after "-" is
 * left out (a phrase too), and a stopword ("the") is no word at all. `words` counts the words a match must hold.
 */
function readWords(text: string): { words: number; phrases: number; alternatives: boolean } {
  let words = 0;
  let phrases = 0;
  let alternatives = false;
  for (const [, minus, phrase, term] of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (term !== undefined && /^or$/i.test(term)) alternatives = true;
    else if (minus === "-" || term?.startsWith("-")) continue;
    else {
      const counted = (phrase ?? term ?? "").split(/\s+/).filter((word) => word !== "" && lexemeOf(word) !== null).length;
      words += counted;
      if (phrase !== undefined && counted > 1) phrases += 1;
    }
  }
  return { words, phrases, alternatives };
}
