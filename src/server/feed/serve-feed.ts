// Builds a feed response for trending or for any search/filter, shared by the six feed routes; its document writer also serves
// subscribers' private feeds.
import { queryValues } from "@/core/query-values";
import { serializeFeedFilters, parseFeedFilters } from "@/core/search";
import { getConfig } from "../config";
import { AppError } from "../errors/app-error";
import { entityTagOf } from "../http/entity-tag";
import type { TPaper } from "@/core/paper";
import { toFeedItem, type TFeedMeta } from "./feed-item";
import { DEFAULT_FILTERS, EMPTY_PAGE, loadOrFallback, loadPapers } from "./load-feed";
import { FEED_CONTENT_TYPES, renderFeed, type TFeedFormat } from "./render-feeds";

const FEED_SIZE = 50;

export const FEED_PATHS: Record<TFeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

/** Trending feed when `searchParams` is null; otherwise the feed of that search or filter (400 on a bad parameter). */
export async function serveFeed(format: TFeedFormat, searchParams: URLSearchParams | null): Promise<Response> {
  const appUrl = getConfig().APP_URL;
  let filters = DEFAULT_FILTERS;
  let title = "paper-digest: trending papers";
  let homePath = "/";
  let feedPath = `/${FEED_PATHS[format]}`;
  if (searchParams) {
    const parsed = parseFeedFilters(queryValues(searchParams));
    if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.message);
    filters = { ...parsed.value, cursor: undefined };
    const qs = serializeFeedFilters(filters);
    title = filters.q ? `paper-digest: search "${filters.q}"` : "paper-digest: filtered papers";
    homePath = `/search${qs ? `?${qs}` : ""}`;
    feedPath = `/search/${FEED_PATHS[format]}${qs ? `?${qs}` : ""}`;
  }
  const page = await (searchParams ? loadPapers(filters, FEED_SIZE) : loadOrFallback(() => loadPapers(filters, FEED_SIZE), EMPTY_PAGE));
  return feedResponse({
    format,
    meta: { title, description: "Trending machine-learning papers", homeUrl: `${appUrl}${homePath}`, feedUrl: `${appUrl}${feedPath}` },
    papers: page.papers,
    appUrl,
  });
}

/**
 * A feed document of `papers` in `format`: the public feeds and every subscriber's private feed (src/server/feed/private-feed.ts).
 * Feed readers poll: its ETag lets the app's server answer one that holds this document with 304, and every cache may keep a public
 * feed but asks again each time, since the feed changes when papers do, which only the app knows (as its pages, serve-app.ts).
 */
export function feedResponse(opts: {
  format: TFeedFormat;
  meta: Omit<TFeedMeta, "updated">;
  papers: readonly TPaper[];
  appUrl: string;
  headers?: Record<string, string>;
}): Response {
  const items = opts.papers.map((p) => toFeedItem(p, opts.appUrl));
  // A feed with no item is as of now: it said 1970 (its ETag then changes with each answer, which an empty feed can afford).
  const updated = items.reduce((max: string | null, i) => (max === null || i.published > max ? i.published : max), null) ?? new Date().toISOString();
  const body = renderFeed(opts.format, { ...opts.meta, updated }, items);
  const headers = new Headers({ "content-type": FEED_CONTENT_TYPES[opts.format], "cache-control": "public, no-cache", etag: entityTagOf(body) });
  // Set, not merged: a private feed's "Cache-Control" replaces the public one whatever its spelling.
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers.set(name, value);
  return new Response(body, { headers });
}
