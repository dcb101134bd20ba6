// knip: unused files, exports and dependencies, checked by `npm run lint`. Next.js (app/, pages/, proxy.ts), Vitest, Playwright, Prisma
// and PostCSS entry points come from knip's plugins; the package.json scripts name the CLIs.
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  // bench/run-all.ts starts the benchmarks by file name. src/generated (the Prisma client) is left out by .gitignore, which knip follows.
  // The page cache handler is bundled by scripts/lib/build-runtime-bundles.ts and loaded by Next at run time.
  entry: ["scripts/*.ts", "bench/*.ts", "src/server/cache/page-cache-handler.ts"],
  // The types TypeScript reads for scripts/lib/bundle-script.mjs, which stays plain JavaScript for scripts/run.mjs; knip sees the .mjs imported.
  ignore: ["scripts/lib/bundle-script.d.mts"],
  // Imported only by the Prisma client that `prisma generate` writes to src/generated.
  ignoreDependencies: ["@prisma/client"],
  // An ignore entry that no longer matches anything fails the run, so nothing stale is kept here.
  treatConfigHintsAsErrors: true,
};

export default config;
