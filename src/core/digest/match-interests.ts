// Decides whether a paper matches a subscriber's keywords, categories or follows, or one of their negative keywords,
// and says why in one line.
import type { TPaper } from "@/core/paper";
import { nameKey } from "@/core/text/name-key";
import { cachePerObject } from "./cache-per-object";

export type TInterests = { keywords: readonly string[]; categories: readonly string[] };

type TKeywordMatcher = { keyword: string; pattern: RegExp };

export type TInterestMatcher = (paper: TPaper) => string | null;

/**
 * Whole-word, case-insensitive pattern for a keyword. Letters and digits of any script count as
 * word characters (so "C++" and "ViT" work where \b would not), any run of whitespace matches
 * the keyword's spaces, and a plural "s"/"es" is allowed because "LLM" should find "LLMs".
 */
export function keywordPattern(keyword: string): RegExp {
  const escaped = keyword
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const plural = /\p{L}$/u.test(keyword.trim()) ? "(?:e?s)?" : "";
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}${plural}(?![\\p{L}\\p{N}_])`, "iu");
}

function uniqueTrimmed(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim().replace(/\s+/g, " ");
    const folded = trimmed.toLowerCase();
    if (trimmed && !seen.has(folded)) {
      seen.add(folded);
      out.push(trimmed);
    }
  }
  return out;
}

/** The text keywords are matched against, built once per paper object however many subscribers look at it. */
const haystackOf = cachePerObject((paper: TPaper): string => [paper.title, paper.abstract, ...(paper.keywords ?? [])].join("\n"));

function describeKeywords(keywords: readonly string[]): string {
  const quoted = keywords.map((k) => `"${k}"`);
  if (quoted.length === 1) return `Matches ${quoted[0]}`;
  if (quoted.length === 2) return `Matches ${quoted[0]} and ${quoted[1]}`;
  return `Matches ${quoted[0]}, ${quoted[1]} and ${quoted.length - 2} more`;
}

/**
 * Builds a matcher returning the "why" line of a matching paper, or null. Keywords and categories
 * are alternatives: a paper matching either is in. Keyword matches explain first because they are
 * the more specific interest. With no interests at all every paper matches as "Trending".
 */
export function matchInterests(interests: TInterests): TInterestMatcher {
  const keywords: TKeywordMatcher[] = uniqueTrimmed(interests.keywords).map((keyword) => ({ keyword, pattern: keywordPattern(keyword) }));
  const categories = new Set(uniqueTrimmed(interests.categories).map((c) => c.toLowerCase()));
  if (keywords.length === 0 && categories.size === 0) return () => "Trending";

  // Called for each paper a digest scans, so nothing is allocated unless the paper matches.
  return (paper) => {
    let matched: string[] | null = null;
    if (keywords.length > 0) {
      const haystack = haystackOf(paper);
      for (const k of keywords) if (k.pattern.test(haystack)) (matched ??= []).push(k.keyword);
    }
    if (matched) return describeKeywords(matched);
    if (categories.size === 0) return null;
    for (const { name, folded } of categoriesOf(paper)) if (categories.has(folded)) return `In ${name}`;
    return null;
  };
}

/** The paper's primary category, then all of its categories, each with its lower-cased form. */
const categoriesOf = cachePerObject((paper: TPaper) =>
  [paper.primaryCategory ?? "", ...paper.categories].filter((name) => name !== "").map((name) => ({ name, folded: name.toLowerCase() })),
);

/**
 * Whether a paper holds one of these negative keywords in the text keywords are matched against (title, abstract and Hugging Face's
 * keywords), matched as keywords are; null when there are none. The abstract and title alone let a paper that matched a word only by
 * its AI keywords through, labelled "Matches …" with the very word the reader had said never to show.
 */
export function matchNegativeKeywords(negativeKeywords: readonly string[]): ((paper: TPaper) => boolean) | null {
  const patterns = uniqueTrimmed(negativeKeywords).map(keywordPattern);
  if (patterns.length === 0) return null;
  return (paper) => {
    const haystack = haystackOf(paper);
    return patterns.some((pattern) => pattern.test(haystack));
  };
}

export type TFollow = { kind: "author" | "organization"; key: string; label: string };

const authorKeysOf = cachePerObject((paper: TPaper): string[] => paper.authors.map(nameKey));

/**
 * The "why" line of a paper by a followed author or from a followed organization (compared by nameKey, as follows are
 * stored), or null; null as a matcher when the reader follows no one.
 */
export function matchFollows(follows: readonly TFollow[]): TInterestMatcher | null {
  const authors = new Map(follows.filter((f) => f.kind === "author").map((f) => [f.key, f.label]));
  const organizations = new Map(follows.filter((f) => f.kind === "organization").map((f) => [f.key, f.label]));
  if (authors.size === 0 && organizations.size === 0) return null;
  return (paper) => {
    if (authors.size > 0) {
      const key = authorKeysOf(paper).find((k) => authors.has(k));
      if (key !== undefined) return `By ${authors.get(key)}, whom you follow`;
    }
    const org = paper.organization && organizations.size > 0 ? organizations.get(nameKey(paper.organization)) : undefined;
    return org === undefined ? null : `From ${org}, which you follow`;
  };
}
