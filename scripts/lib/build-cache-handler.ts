// Bundles the page cache handler (src/server/cache) to plain JavaScript: Next imports it at run time, outside any TypeScript loader.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import esbuild from "esbuild";
import { CACHE_HANDLER_BUNDLE, CACHE_HANDLER_SOURCE } from "../../src/server/cache/cache-handler-bundle";
import { PROJECT_ROOT } from "../../src/server/db/migrations";

/**
 * About 50 ms, so every start and build simply redoes it; packages stay imports of node_modules. The file is replaced atomically and
 * only when it changed, since another process (a second instance, the other test suite) may be loading it at that moment.
 */
export async function buildCacheHandler(): Promise<void> {
  const result = await esbuild.build({
    entryPoints: [path.join(PROJECT_ROOT, CACHE_HANDLER_SOURCE)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  const target = path.join(PROJECT_ROOT, CACHE_HANDLER_BUNDLE);
  if (existsSync(target) && Buffer.from(code).equals(readFileSync(target))) return;
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, target);
}
