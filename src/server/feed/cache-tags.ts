// How cached feed reads and pages are labelled and how long one may live, shared by the loaders, the pages and the cache handler.

/** Every cached read of papers carries this tag; revalidating it (updateTag in an admin's action) drops this process's page cache. */
export const PAPERS_TAG = "papers";

/**
 * Cached pages and reads are dropped on every announced change (src/server/cache); this lifetime is only the safety net for a
 * write that was made without announcing it (an operator's SQL by hand).
 */
export const FEED_REVALIDATE_SECONDS = 3600;
