// Bundles what Node runs outside Next's build to plain JavaScript: the page cache handler (Next imports it at run time, outside any
// TypeScript loader) and the web server itself (scripts/serve.ts), so the server runs without tsx's loader hooks.
import path from "node:path";
import { CACHE_HANDLER_BUNDLE, CACHE_HANDLER_SOURCE } from "../../src/server/cache/cache-handler-bundle";
import { PROJECT_ROOT } from "../../src/server/db/migrations";
import { bundle } from "./bundle-script.mjs";

/**
 * Under `--import tsx` every dynamic `import()` is resolved by tsx's hooks on a thread of their own, one message each way, and Next
 * imports its cache handler on every request: about a tenth of the CPU of serving a cached page. The bundle sits one folder below
 * the project root, as scripts/serve.ts does, so the server finds the root the same way from either.
 */
const WEB_SERVER_SOURCE = "scripts/serve.ts";
const WEB_SERVER_BUNDLE = ".build/serve.mjs";

/** Node's arguments for the web server process, after `buildRuntimeBundles` (which `buildIfNeeded` runs). */
export function webServerArgs(nodeArgs: readonly string[] = []): string[] {
  return [...nodeArgs, path.join(PROJECT_ROOT, WEB_SERVER_BUNDLE)];
}

/**
 * About 100 ms, so every start and build simply redoes it; packages stay imports of node_modules. A file is replaced atomically and
 * only when it changed, since another process (a second instance, the other test suite) may be loading it at that moment.
 */
export async function buildRuntimeBundles(): Promise<void> {
  await Promise.all([bundle(PROJECT_ROOT, CACHE_HANDLER_SOURCE, CACHE_HANDLER_BUNDLE), bundle(PROJECT_ROOT, WEB_SERVER_SOURCE, WEB_SERVER_BUNDLE)]);
}
