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
