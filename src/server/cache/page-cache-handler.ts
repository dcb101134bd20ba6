// The page and data cache of one Next.js process (its `cacheHandler`): entries in memory, all dropped whenever any process on any
// machine announces a feed change (PostgreSQL NOTIFY), so every instance serves new papers moments after a write, with no HTTP hop.
// next.config.ts points Next at the bundle scripts/lib/build-runtime-bundles.ts makes of this file, since Next imports it at run time.
import { PAPERS_TAG } from "../feed/cache-tags";
import { logger } from "../logger";
import { listenForFeedChanges, type TFeedChangeListener } from "../repo/feed-changes";
import { ByteBudgetLru } from "./byte-budget-lru";
import { isOpenEndedPage, isVariantPath } from "./variant-paths";

/** What Next hands a cache handler and gets back (next/dist/server/lib/incremental-cache), as far as this handler reads it. */
type TCacheValue = {
  kind: string;
  html?: { length: number };
  pageData?: unknown;
  rscData?: { length: number };
  segmentData?: Map<string, { length: number }>;
  body?: { length: number };
  /** A data entry (unstable_cache): `body` is the cached value's JSON text. */
  data?: { body?: unknown; headers?: unknown };
  props?: unknown;
};
/** A null value is a cached 404: a Pages Router page whose getStaticProps said notFound. */
type TEntry = { value: TCacheValue | null; lastModified: number; cacheControl?: unknown };

const MB = 1024 * 1024;
/**
 * 160 MB in all, in two budgets. Variants are open-ended: a page per search query, per set of list filters or preview interests, and
 * the data entries behind the API's queries. Anybody can make new ones with a new query string, so they have a budget of their own and
 * a flood of them evicts only its own kind, never the paper, period and front pages everybody reads.
 */
const PAGE_BYTES = 96 * MB;
const VARIANT_BYTES = 64 * MB;
/** Renders waiting to store their result; beyond this many distinct keys between two changes, the oldest simply go uncached. */
const MAX_PENDING = 10_000;

type TPool = ByteBudgetLru<TEntry>;

type TState = {
  /** The pages of the feed itself, one per page of the site. */
  pages: TPool;
  /** Variants made from a query string (cachedView's rewrites, src/server/http/cached-views.ts) and data entries (keys that are hashes, not paths). */
  variants: TPool;
  /** Bumped by every change: a render that began before one must not store what it read. */
  generation: number;
  pending: Map<string, number>;
  listener: TFeedChangeListener | null;
};

const globalForCache = globalThis as unknown as { paperDigestPageCacheV3?: TState };
const state: TState = (globalForCache.paperDigestPageCacheV3 ??= {
  pages: new ByteBudgetLru(PAGE_BYTES),
  variants: new ByteBudgetLru(VARIANT_BYTES),
  generation: 0,
  pending: new Map(),
  listener: null,
});

/** A page's key ends in its path (`/route-cache/PAGES/<build hash>/$/search/results/<segment>`); a data entry's key is a hash. */
const PAGE_KEY = /^\/route-cache\/[^/]+\/[^/]+\/\$(\/.*)$/;
/**
 * Where an entry is kept. A cached 404 goes with the variants: anybody can make new ones (`/papers/9999.00001`, `…02`, …), so a flood of
 * them churns that budget and never evicts the pages people read; so do empty period pages and redirects (isOpenEndedPage).
 */
function poolOf(key: string, value: TCacheValue | null): TPool {
  const path = PAGE_KEY.exec(key)?.[1];
  return path === undefined || value === null || isVariantPath(path) || isOpenEndedPage(path, value) ? state.variants : state.pages;
}

function dropEverything(): void {
  state.pages.clear();
  state.variants.clear();
  state.pending.clear();
  state.generation += 1;
}

/** What an entry costs beyond its key and value (the map's entry, the entry object): a cached 404 holds no bytes, but is not free. */
const ENTRY_OVERHEAD = 256;

/** Roughly what an entry holds, counted as Next's own memory cache counts it, plus ENTRY_OVERHEAD. */
function sizeOf(key: string, value: TCacheValue | null): number {
  const json = (v: unknown) => JSON.stringify(v ?? "")?.length ?? 0;
  let bytes = 25;
  if (value === null) bytes = 0;
  else if (value.kind === "APP_PAGE") {
    bytes = (value.html?.length ?? 0) + (value.rscData?.length ?? 0);
    for (const [path, buffer] of value.segmentData ?? []) bytes += path.length + buffer.length;
  } else if (value.kind === "PAGES") bytes = (value.html?.length ?? 0) + json(value.pageData);
  else if (value.kind === "APP_ROUTE") bytes = value.body?.length ?? 0;
  // A data entry's body is already the JSON text of the cached value: its length, without escaping it all again.
  else if (value.kind === "FETCH") {
    const body = value.data?.body;
    bytes = typeof body === "string" ? body.length + json(value.data?.headers) : json(value.data);
  } else if (value.kind === "REDIRECT") bytes = json(value.props);
  return ENTRY_OVERHEAD + key.length + bytes;
}

/** One listener per process, started by the first request: `next build` and processes without a database keep a plain memory cache. */
function listenOnce(): void {
  const connectionString = process.env.DATABASE_URL;
  if (state.listener || !connectionString || process.env.NEXT_PHASE === "phase-production-build") return;
  state.listener = listenForFeedChanges({
    connectionString,
    onChange: (reason) => {
      logger.debug({ reason }, "the feed changed; dropping cached pages");
      dropEverything();
    },
    onLost: (err) => {
      logger.warn({ err }, "lost the feed-change listener; dropping cached pages and reconnecting");
      dropEverything();
    },
  });
}

export default class PageCacheHandler {
  constructor() {
    listenOnce();
  }

  async get(key: string): Promise<TEntry | null> {
    if (state.pending.size >= MAX_PENDING) state.pending.clear();
    state.pending.set(key, state.generation);
    return state.pages.get(key) ?? state.variants.get(key) ?? null;
  }

  async set(key: string, value: TCacheValue | null, ctx: { cacheControl?: unknown } = {}): Promise<void> {
    const startedIn = state.pending.get(key);
    state.pending.delete(key);
    const pool = poolOf(key, value);
    // A page that was a 404 (or the reverse) moves pools: no stale copy may stay in the other.
    (pool === state.pages ? state.variants : state.pages).delete(key);
    const bytes = sizeOf(key, value);
    if (startedIn !== state.generation || bytes > pool.limit / 4) return pool.delete(key);
    // Replacing the entry in its own pool keeps its place among the entries read again (a popular page regenerated after its hour).
    pool.set(key, { value, lastModified: Date.now(), cacheControl: ctx.cacheControl }, bytes);
  }

  /**
   * revalidateTag/updateTag of the papers tag in this process (an admin's own edit, read back at once) drops everything, as an
   * announced change does. Other tags name nothing this cache holds (revalidatePath of a per-request page), so they drop nothing.
   */
  async revalidateTag(tags: string | string[]): Promise<void> {
    if ([tags].flat().includes(PAPERS_TAG)) dropEverything();
  }

  resetRequestCache(): void {}
}
