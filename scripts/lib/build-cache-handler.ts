// Bundles the page cache handler (src/server/cache) to plain JavaScript: Next imports it at run time, outside any TypeScript loader.
import path from "node:path";
import esbuild from "esbuild";
import { CACHE_HANDLER_BUNDLE, CACHE_HANDLER_SOURCE } from "../../src/server/cache/cache-handler-bundle";
import { PROJECT_ROOT } from "../../src/server/db/migrations";

/** About 50 ms, so every start and build simply redoes it; packages stay imports of node_modules. */
export async function buildCacheHandler(): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(PROJECT_ROOT, CACHE_HANDLER_SOURCE)],
    outfile: path.join(PROJECT_ROOT, CACHE_HANDLER_BUNDLE),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}
