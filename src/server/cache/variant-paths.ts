// Which cached pages are variants made from a query string, so the caches that hold pages give them a budget of their own.

/** The paths cachedView rewrites a query string to (src/server/http/cached-views.ts): a list's filters, a search, a preview's interests. */
const VARIANT_PATH = /^\/(?:trending|search\/results|subscribe\/preview)\/|^\/papers\/(?:date|week|month)\/[^/]+\/[^/]/;

/**
 * Variants are open-ended (anybody can make a new one with a new query string), so a flood of them must evict only its own kind, never
 * the paper, period and front pages everybody reads.
 */
export function isVariantPath(path: string): boolean {
  return VARIANT_PATH.test(path);
}

const PERIOD_PATH = /^\/papers\/(?:date|week|month)\/[^/]+$/;

/**
 * Pages anybody can mint without bound, kept with the variants for the same reason: a period page that lists no papers (every date
 * from year 1000 to 9999 parses, and the date picker asks for any of them) and a redirect (every spelling of a paper's id, `…v2`,
 * `…v3`, …, is a permanent redirect). A period with papers, a paper page and the front page are bounded by the feed itself.
 */
export function isOpenEndedPage(path: string, value: { kind?: string; pageData?: unknown }): boolean {
  if (value.kind === "REDIRECT") return true;
  if (value.kind !== "PAGES" || !PERIOD_PATH.test(path)) return false;
  const props = (value.pageData as { pageProps?: { page?: { papers?: unknown[] } } } | undefined)?.pageProps;
  return props?.page?.papers?.length === 0;
}
