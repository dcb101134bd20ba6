// Where the bundled page cache handler lives, relative to the project root: next.config.ts names it, scripts/lib/build-runtime-bundles.ts writes it.
export const CACHE_HANDLER_SOURCE = "src/server/cache/page-cache-handler.ts";
export const CACHE_HANDLER_BUNDLE = ".build/page-cache-handler.mjs";
