// `npm run bench`: runs every benchmark script in bench/ in turn; each prints its own figures.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// Bench names choose which run; options (`--papers 100000`, `--seconds=8`) go to every bench, which reads those it knows.
const FLAGS_WITHOUT_VALUE = new Set(["--reuse", "--seed-only"]);
const options: string[] = [];
const only: string[] = [];
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i]!;
  if (!arg.startsWith("--")) only.push(arg);
  else if (arg.includes("=") || FLAGS_WITHOUT_VALUE.has(arg)) options.push(arg);
  else {
    options.push(arg, ...process.argv.slice(i + 1, i + 2));
    i += 1;
  }
}
const benches = ["startup", "ingest", "feed", "search", "pages", "subscribe", "digest", "relevance", "admin"].filter(
  (b) => only.length === 0 || only.includes(b),
);

let failed = 0;
for (const bench of benches) {
  const file = path.join(root, "bench", `${bench}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file, ...options], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${bench} benchmark failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
