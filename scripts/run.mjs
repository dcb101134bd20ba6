// `npm start`, `npm run ingest|digest|worker|…`: runs scripts/<name>.ts as a bundle (scripts/lib/bundle-script.mjs) imported into this
// same process, so a signal reaches the script itself. Through tsx each run cost about a second more CPU (`digest --help`: 1.9 s
// against 0.8 s plus 0.3 s for a bundle made again after a change).
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledScript, stopBundler } from "./lib/bundle-script.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (name === undefined || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(path.join(root, "scripts", `${name}.ts`))) {
  console.error("Usage: node scripts/run.mjs <script in scripts/, without .ts> [arguments…]");
  process.exit(2);
}
const file = await bundledScript(root, name);
await stopBundler();
// The script reads its arguments from process.argv.slice(2), as when node ran it directly.
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
