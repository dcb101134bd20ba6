// Which path serves a cached page's variant: "/?sort=new", "/papers/date/…?code=1", "/search?q=…" and "/subscribe?keywords=…" carry
// their variant in one path segment, so Next caches each like any page and the query string never reaches a cached page.
import { queryValues } from "@/core/query-values";
import { feedViewSegment, parseFeedFilters, serializeFeedFilters, viewSegmentQuery } from "@/core/search";
import { cursorProblem } from "../repo/paper-cursor";
import { canonicalPreviewQuery, PREVIEW_KEYS } from "../subscriptions/subscription-input";

/**
 * A page whose variants are chosen by query keys: `canonical` writes their values one way (null: they do not parse); `target` is the
 * path its variants' segments go under, and `variant` matches a variant's own path, the segment its last group.
 */
type TCachedView = {
  page: RegExp;
  keys: readonly string[];
  canonical: (params: URLSearchParams) => string | null;
  target: (pathname: string) => string;
  variant: RegExp;
};

const LIST_KEYS = ["cat", "code", "min", "sort", "cursor"] as const;

/** List filters (and a search's query, when its keys include `q`) written canonically; null when they do not parse, a cursor included. */
function canonicalFilters(params: URLSearchParams): string | null {
  const parsed = parseFeedFilters(queryValues(params));
  return parsed.ok && cursorProblem(parsed.value) === null ? serializeFeedFilters(parsed.value) : null;
}

const CACHED_VIEWS: readonly TCachedView[] = [
  {
    page: /^\/(?:papers\/(?:date|week|month)\/[^/]+)?$/,
    keys: LIST_KEYS,
    canonical: canonicalFilters,
    target: (pathname) => (pathname === "/" ? "/trending" : pathname),
    variant: /^\/(?:trending|papers\/(?:date|week|month)\/[^/]+)\/([^/]+)$/,
  },
  {
    page: /^\/search$/,
    keys: ["q", ...LIST_KEYS],
    canonical: canonicalFilters,
    target: () => "/search/results",
    variant: /^\/search\/results\/([^/]+)$/,
  },
  {
    page: /^\/subscribe$/,
    keys: PREVIEW_KEYS,
    canonical: canonicalPreviewQuery,
    target: () => "/subscribe/preview",
    variant: /^\/subscribe\/preview\/([^/]+)$/,
  },
];

/**
 * The path of a variant's own page (/trending/<segment>, /papers/date/…/<segment>, /search/results/<segment>,
 * /subscribe/preview/<segment>), or null when `pathname` has no variants or the query names none. Valid values are written
 * canonically, so one variant has one cache entry; invalid ones keep their raw values for the page to explain, and are answered
 * with 400 (`valid` false).
 */
export function cachedView(pathname: string, searchParams: URLSearchParams): { pathname: string; valid: boolean } | null {
  const view = CACHED_VIEWS.find((v) => v.page.test(pathname));
  if (!view) return null;
  const params = new URLSearchParams(view.keys.flatMap((key) => (searchParams.has(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const canonical = view.canonical(params);
  const query = canonical ?? params.toString();
  if (query === "") return null;
  return { pathname: `${view.target(pathname)}/${feedViewSegment(query)}`, valid: canonical !== null };
}

/**
 * Whether a variant's own path, asked for directly, is one cachedView writes for a query that parses (its segment canonical): false
 * for any other segment, which is answered with 400 as the query it spells would be, never served as a public page; null for a path
 * that is not a variant's.
 */
export function variantPathIsValid(pathname: string): boolean | null {
  for (const view of CACHED_VIEWS) {
    const segment = view.variant.exec(pathname)?.at(-1);
    if (segment === undefined) continue;
    const query = viewSegmentQuery(segment);
    const canonical = query === null ? null : view.canonical(query);
    return canonical !== null && feedViewSegment(canonical) === segment;
  }
  return null;
}
