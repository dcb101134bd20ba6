// Decides whether a paper matches a subscriber's keywords or categories, and says why in one line.
import type { TPaper } from "@/core/paper";
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

  return (paper) => {
    const haystack = haystackOf(paper);
    const matched = keywords.filter((k) => k.pattern.test(haystack)).map((k) => k.keyword);
    if (matched.length > 0) return describeKeywords(matched);
    const paperCategories = [paper.primaryCategory ?? "", ...paper.categories];
    const category = paperCategories.find((c) => c !== "" && categories.has(c.toLowerCase()));
    return category ? `In ${category}` : null;
  };
}
