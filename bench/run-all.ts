// `npm run bench`: runs every benchmark script in bench/ in turn; each prints its own figures.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);
const benches = ["startup", "ingest", "feed", "search", "subscribe", "digest", "relevance", "admin"].filter((b) => only.length === 0 || only.includes(b));

let failed = 0;
for (const bench of benches) {
  const file = path.join(root, "bench", `${bench}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    failed++;
    console.error(`${bench} benchmark failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
