// Which path serves a cached page's variant: "/?sort=new", "/papers/date/…?code=1", "/search?q=…" and "/subscribe?keywords=…" carry
// their variant in one path segment, so Next caches each like any page and the query string never reaches a cached page.
import { feedViewSegment, parseFeedFilters, serializeFeedFilters } from "@/core/search";
import { cursorProblem } from "../repo/paper-cursor";
import { canonicalPreviewQuery, PREVIEW_KEYS } from "../subscriptions/subscription-input";

/** A page whose variants are chosen by query keys: `canonical` writes their values one way (null: they do not parse). */
type TCachedView = { page: RegExp; keys: readonly string[]; canonical: (params: URLSearchParams) => string | null; target: (pathname: string) => string };

const LIST_KEYS = ["cat", "code", "min", "sort", "cursor"] as const;

/** List filters (and a search's query, when its keys include `q`) written canonically; null when they do not parse, a cursor included. */
function canonicalFilters(params: URLSearchParams): string | null {
  const parsed = parseFeedFilters(Object.fromEntries(params));
  return parsed.ok && cursorProblem(parsed.value) === null ? serializeFeedFilters(parsed.value) : null;
}

const CACHED_VIEWS: readonly TCachedView[] = [
  {
    page: /^\/(?:papers\/(?:date|week|month)\/[^/]+)?$/,
    keys: LIST_KEYS,
    canonical: canonicalFilters,
    target: (pathname) => (pathname === "/" ? "/trending" : pathname),
  },
  { page: /^\/search$/, keys: ["q", ...LIST_KEYS], canonical: canonicalFilters, target: () => "/search/results" },
  { page: /^\/subscribe$/, keys: PREVIEW_KEYS, canonical: canonicalPreviewQuery, target: () => "/subscribe/preview" },
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
