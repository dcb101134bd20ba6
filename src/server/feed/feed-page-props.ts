// Props for the feed's zero-JS pages (src/pages): one function per page, each returning plain JSON props or a 404, both kept in the
// page cache until the feed changes (src/server/cache) and an hour at most.
import type { GetStaticProps, GetStaticPropsResult } from "next";
import { z } from "zod";
import { paperPath } from "@/core/digest/paper-links";
import { jsonValue } from "@/core/json-value";
import type { TPeriodKind } from "@/core/periods";
import { parseFeedView } from "@/core/search";
import { getConfig } from "../config";
import { getDb } from "../db";
import { ERROR_STATUS } from "../errors/app-error";
import { PAGE_STATUS_PROP } from "../http/page-status";
import { isDemoFeed } from "../repo/ingest-runs";
import { listPapers, type TListFilters, type TPaperPage } from "../repo/papers";
import { FEED_REVALIDATE_SECONDS } from "./cache-tags";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadOrFallback, loadPapersForPage, loadPaperView, type TPaperViewData } from "./load-feed";
import { loadPeriodView, type TPeriodViewData } from "./load-period-view";

type TWithAppUrl<T> = T & { appUrl: string };

/** `demo`: every paper shown came from the demo listings, which the page says. */
export type TTrendingPageProps = TWithAppUrl<{ page: TPaperPage; filters: TListFilters; demo: boolean; error?: string }>;
export type TPeriodPageProps = TWithAppUrl<TPeriodViewData>;
export type TPaperPageProps = TWithAppUrl<TPaperViewData>;
export type TSearchPageProps = TWithAppUrl<{ page: TPaperPage; filters: TListFilters; error?: string }>;

const SEARCH_PAGE_SIZE = 20;

/**
 * A page whose `error` says what is wrong with its request (filters that do not parse, a search that only leaves words out, which
 * only PostgreSQL's reading of the query tells) answers 400 with that message, however Next makes the answer (page-status.ts).
 */
function cachedProps<T extends object>(value: T | null): GetStaticPropsResult<TWithAppUrl<T>> {
  if (value === null) return { notFound: true, revalidate: FEED_REVALIDATE_SECONDS };
  const refused = "error" in value && typeof value.error === "string";
  // Props must be JSON: optional fields left undefined are dropped here.
  const props = jsonValue({ ...value, appUrl: getConfig().APP_URL, ...(refused ? { [PAGE_STATUS_PROP]: ERROR_STATUS.INVALID_INPUT } : {}) });
  return { props, revalidate: FEED_REVALIDATE_SECONDS };
}

/** "/": the top trending papers. During `next build` (no database yet) an empty list, regenerated on the first request. */
export async function frontPageProps(): Promise<GetStaticPropsResult<TTrendingPageProps>> {
  const [page, demo] = await loadOrFallback(
    () => Promise.all([listPapers({ db: getDb(), filters: DEFAULT_FILTERS, limit: FRONT_PAGE_SIZE }), isDemoFeed({ db: getDb() })]),
    [EMPTY_PAGE, false],
  );
  return cachedProps({ page, filters: DEFAULT_FILTERS, demo });
}

/** /trending/<view>: "/" filtered, sorted or paged (src/server/http/cached-views.ts rewrites "/?sort=new" here). Bad filters are a message, not a 404. */
export async function trendingPageProps(view: string): Promise<GetStaticPropsResult<TTrendingPageProps>> {
  const parsed = parseFeedView(view);
  if (!parsed.ok) return cachedProps({ page: EMPTY_PAGE, filters: DEFAULT_FILTERS, demo: false, error: parsed.message });
  const filters = { ...parsed.value, q: undefined };
  const { page, error } = await loadPapersForPage(filters, null, FRONT_PAGE_SIZE);
  return cachedProps({ page, filters, demo: false, error });
}

/** getStaticProps of /papers/date|week|month/<period>[/<view>]; a 404 for a period that does not exist. */
export function periodStaticProps(kind: TPeriodKind): GetStaticProps<TPeriodPageProps, { period: string; view?: string[] }> {
  return async ({ params }) => {
    const view = params?.view ?? [];
    if (!params || view.length > 1) return { notFound: true, revalidate: FEED_REVALIDATE_SECONDS };
    return cachedProps(await loadPeriodView(kind, params.period, view[0] ?? ""));
  };
}

const ZPaperSegment = z.string().min(1).max(300);

/**
 * /papers/<id>: a 404 for an unknown, hidden or malformed key. Another spelling of a paper's id (a version, an "arXiv:" prefix, ".pdf")
 * is a permanent redirect to its one address (paperPath), so each spelling is not a whole page of its own in the cache. `askedPath`: the
 * path as asked, when it is not /papers/<segment> encoded (an old-style id with its slash, src/pages/papers/[id]/[number].tsx).
 */
export async function paperPageProps(segment: string, askedPath = `/papers/${encodeURIComponent(segment)}`): Promise<GetStaticPropsResult<TPaperPageProps>> {
  const parsed = ZPaperSegment.safeParse(segment);
  const view = parsed.success ? await loadPaperView(parsed.data) : null;
  const canonical = view ? paperPath(view.paper) : null;
  if (canonical !== null && canonical !== askedPath) {
    return { redirect: { destination: canonical, permanent: true }, revalidate: FEED_REVALIDATE_SECONDS };
  }
  return cachedProps(view);
}

/**
 * /search/results/<view> (src/server/http/cached-views.ts rewrites "/search?q=…" here) and the empty /search: one page of highlighted results. Bad
 * filters are a message beside no results, as on the lists.
 */
export async function searchPageProps(view: string): Promise<GetStaticPropsResult<TSearchPageProps>> {
  const parsed = parseFeedView(view);
  if (!parsed.ok) return cachedProps({ page: EMPTY_PAGE, filters: DEFAULT_FILTERS, error: parsed.message });
  const filters = parsed.value;
  if (!filters.q) return cachedProps({ page: EMPTY_PAGE, filters });
  const { page, error } = await loadPapersForPage(filters, null, SEARCH_PAGE_SIZE);
  return cachedProps({ page: withoutUnshownAbstracts(page), filters, error });
}

/**
 * A result's card shows the highlighted window of its abstract, never the whole one, so the props cached beside the page do not carry
 * it: 35 of a page's 56 KB of props, so a search's cache entry went from about 98 to 63 KB and the variants' budget holds half as many
 * again. A result without highlights keeps its abstract, which its card excerpts.
 */
function withoutUnshownAbstracts(page: TPaperPage): TPaperPage {
  return { ...page, papers: page.papers.map((paper) => (paper.highlight ? { ...paper, abstract: "" } : paper)) };
}
