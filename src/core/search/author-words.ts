// The words an `author:` filter looks up in the search index, and the readings that estimate a search's names one word each.
import type { TAuthorFilter } from "./parse-query";

/**
 * A name's words as `simple` tsquery terms: a quoted (whole) name's words as whole words, so the rarest drives the index scan; a bare
 * name's as prefixes (`smith:*`, a name still being typed). Lower-cased, each once: a word twice adds nothing to the match.
 */
export function authorWords(author: TAuthorFilter): string[] {
  const words = author.name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].map((w) => (author.whole ? w : `${w}:*`));
}

/**
 * A name of one word, letters and digits only: its one indexed word says all the name does (`smith:*` holds only for an author with
 * a word beginning "smith", whose name then holds "smith"), so no check of the names themselves is needed.
 */
export const isOneWordName = (author: TAuthorFilter): boolean => /^[\p{L}\p{N}]+$/u.test(author.name);

/**
 * Every choice of one word from each name, or null when there would be more than `max`: counted before any is built, since names are
 * the user's (a dozen four-word names would be 16.7 million choices).
 */
export function oneWordPerName(names: readonly (readonly string[])[], max: number): string[][] | null {
  let count = 1;
  for (const words of names) {
    count *= words.length;
    if (count > max) return null;
  }
  return names.reduce<string[][]>((acc, words) => acc.flatMap((chosen) => words.map((word) => [...chosen, word])), [[]]);
}
