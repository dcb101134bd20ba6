// Cached feed reads for pages, feeds and the API: tagged "papers" so an ingestion run's revalidation refreshes them all.
import { unstable_cache } from "next/cache";
import { parsePaperKey } from "@/core/digest/paper-links";
import { getDb } from "../db";
import { FEED_REVALIDATE_SECONDS, PAPERS_TAG } from "./cache-tags";
import { isAppError } from "../errors/app-error";
import { findNeighbourDays, listListingDays } from "../repo/paper-periods";
import { listPaperKeys, listPaperMetrics, listSimilarPapers } from "../repo/paper-details";
import { getPaper, listPapers, type TDayRange, type TListFilters, type TPaperPage } from "../repo/papers";

const cacheOptions = { tags: [PAPERS_TAG], revalidate: FEED_REVALIDATE_SECONDS };

export const DEFAULT_FILTERS: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

/** The JSON API's and the feeds' lists, cached as data (their responses are not pages): without highlights, which both drop. */
export const loadPapers = unstable_cache(
  (filters: TListFilters, limit: number): Promise<TPaperPage> => listPapers({ db: getDb(), filters, limit, highlight: false }),
  ["feed:list"],
  cacheOptions,
);

const cachedPaperView = unstable_cache(
  async (key: { arxivId: string } | { id: number }) => {
    const db = getDb();
    const paper = await getPaper({ db, key });
    if (!paper) return null;
    const [metrics, similar] = await Promise.all([listPaperMetrics({ db, paperId: paper.id }), listSimilarPapers({ db, paperId: paper.id })]);
    return { paper, metrics, similar };
  },
  ["feed:paper"],
  cacheOptions,
);

export type TPaperViewData = NonNullable<Awaited<ReturnType<typeof cachedPaperView>>>;

/** The paper a /papers/<key> path names, with its metrics and similar papers; null for an unknown, hidden or malformed key. */
export async function loadPaperView(segment: string): Promise<TPaperViewData | null> {
  const key = parsePaperKey(segment);
  return key ? cachedPaperView(key) : null;
}

export const loadNeighbourDays = unstable_cache(
  (start: string, end: string) => findNeighbourDays({ db: getDb(), start, end }),
  ["feed:neighbours"],
  cacheOptions,
);

export const loadSitemapEntries = unstable_cache(
  async () => {
    const db = getDb();
    const [papers, days] = await Promise.all([listPaperKeys({ db, limit: 5_000 }), listListingDays({ db, limit: 1_000 })]);
    return { papers: papers.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })), days };
  },
  ["feed:sitemap"],
  cacheOptions,
);

/** True while `next build` prerenders: pages then render a friendly state instead of failing the build without a database. */
function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** Runs a page's data load; during `next build` a failure (no database yet) yields `fallback` instead of failing the build. */
export async function loadOrFallback<T>(load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isBuildPhase()) return fallback;
    throw err;
  }
}

export const FRONT_PAGE_SIZE = 50;
export const EMPTY_PAGE: TPaperPage = { papers: [], nextCursor: null };

/**
 * A page render's papers (getStaticProps of the list, period and search pages), where a bad cursor becomes a message for the page
 * instead of an error page. Read uncached: the page cache keeps the rendered page, and a data entry beside it was a second copy of its
 * papers in the same budget as the search pages (the 100,000-paper bench's searches and period pages then outgrew it and evicted each
 * other) and cost a serialisation per render.
 */
export async function loadPapersForPage(filters: TListFilters, range: TDayRange | null, limit: number): Promise<{ page: TPaperPage; error?: string }> {
  try {
    return { page: await listPapers({ db: getDb(), filters, range: range ?? undefined, limit }) };
  } catch (err) {
    if (isAppError(err) && err.code === "INVALID_INPUT") return { page: EMPTY_PAGE, error: err.userMessage };
    throw err;
  }
}
