// The feed's list filters as they live in the URL (?q=&cat=&code=&min=&sort=&cursor=): validated
// on the way in, and written back in one canonical order so shared links are stable.
import { z } from "zod";
import { queryValues } from "@/core/query-values";
import { hasControlChars, NO_CONTROL_CHARS } from "@/core/text/control-chars";
import { ARXIV_CATEGORY } from "@/core/text/arxiv-id";
import { authorWords } from "./author-words";
import { parseSearchQuery } from "./parse-query";

const FEED_SORTS = ["trending", "new", "top"] as const;
const MAX_MIN_UPVOTES = 100_000;
const MAX_QUERY_LENGTH = 300;
const MAX_CURSOR_LENGTH = 512;

/**
 * Why a query names nothing to look for, if it does not: `author:` with no name, or nothing but angle brackets (which search reads as
 * spaces), would list every paper as a match.
 */
function namesNothing(q: string): string | undefined {
  if (q === "") return undefined;
  const parsed = parseSearchQuery(q);
  // A name of punctuation alone (`author:\\`) has no word for the index to find, so every paper's authors were read to match it.
  if (parsed.authors.some((author) => authorWords(author).length === 0)) return "author: needs a name with letters, as in author:Hinton";
  if (parsed.text !== "" || parsed.authors.length > 0 || parsed.arxivId !== undefined) return undefined;
  return /author:/i.test(q) ? 'author: needs a name, as in author:Hinton or author:"Geoffrey Hinton"' : "needs a word, author:Name or an arXiv id to look for";
}

/** The list filters as the query string carries them, before they become TFeedFilters (the JSON API documents its query from this). */
export const ZFeedFilterParams = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .refine((q) => !hasControlChars(q), NO_CONTROL_CHARS)
    .superRefine((q, ctx) => {
      const problem = namesNothing(q);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  cat: z.string().max(40, "is too long").regex(ARXIV_CATEGORY, "must be an arXiv category such as cs.CL").optional(),
  code: z.enum(["1", "0"], 'must be "1" or "0"').optional(),
  min: z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number from 0 to ${MAX_MIN_UPVOTES}`)
    .transform(Number)
    .refine((n) => n <= MAX_MIN_UPVOTES, `must be a whole number from 0 to ${MAX_MIN_UPVOTES}`)
    .optional(),
  sort: z.enum(FEED_SORTS, `must be one of ${FEED_SORTS.join(", ")}`).default("trending"),
  cursor: z
    .string()
    .max(MAX_CURSOR_LENGTH, "is too long")
    .regex(/^\P{Cc}+$/u, "is malformed")
    .optional(),
});

const ZFeedFilters = ZFeedFilterParams.transform((raw) => ({
  q: raw.q || undefined,
  category: raw.cat,
  hasCode: raw.code === "1",
  minUpvotes: raw.min ?? 0,
  sort: raw.sort,
  cursor: raw.cursor,
}));

export type TFeedFilters = z.output<typeof ZFeedFilters>;

export type TParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses Next.js-style search params. A repeated parameter uses its first value, an empty one
 * counts as absent (forms submit empty fields), and unknown parameters (utm_*, ...) are ignored.
 */
export function parseFeedFilters(searchParams: Record<string, string | string[] | undefined>): TParseResult<TFeedFilters> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") raw[key] = first;
  }
  const result = ZFeedFilters.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const param = issue?.path[0];
  return { ok: false, message: `Invalid "${String(param ?? "filters")}": ${issue?.message ?? "is malformed"}` };
}

/**
 * The canonical query string for a set of filters, without the leading "?": fixed key order,
 * defaults omitted, so equal filters always produce the same URL. Empty when all are defaults.
 */
export function serializeFeedFilters(filters: Partial<TFeedFilters>): string {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set("q", q);
  if (filters.category) params.set("cat", filters.category);
  if (filters.hasCode) params.set("code", "1");
  if (filters.minUpvotes && filters.minUpvotes > 0) params.set("min", String(filters.minUpvotes));
  if (filters.sort && filters.sort !== "trending") params.set("sort", filters.sort);
  if (filters.cursor) params.set("cursor", filters.cursor);
  return params.toString();
}

/**
 * The list filters as one path segment, for the rewritten URLs that let each list variant be cached: the canonical query
 * string in base64url, whose alphabet survives every router's decoding untouched.
 */
export function feedViewSegment(query: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(query));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The query string a view segment carries (feedViewSegment's inverse), or null for one that is not base64url. */
export function viewSegmentQuery(segment: string): URLSearchParams | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return null;
  const binary = atob(segment.replace(/-/g, "+").replace(/_/g, "/"));
  return new URLSearchParams(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

/** The filters a view segment carries; one that is not a segment we wrote is reported like any bad filter. */
export function parseFeedView(segment: string): TParseResult<TFeedFilters> {
  const query = viewSegmentQuery(segment);
  if (!query) return { ok: false, message: 'Invalid "filters": is malformed' };
  return parseFeedFilters(queryValues(query));
}
