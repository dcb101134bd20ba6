// How `npm run <name>` starts a script, read from package.json, so tests start the app, the worker and the digest exactly as npm does.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * The node arguments of package.json's `<name>` script (`node --liftoff-only scripts/run.mjs start` gives
 * `["--liftoff-only", "<root>/scripts/run.mjs", "start"]`), for `spawn(process.execPath, …)`: one process, which gets signals itself.
 */
export function npmScriptNodeArgs(name: "start" | "worker" | "digest" | "ingest" | "db:migrate" | "db:migrate:dev"): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = (scripts[name] ?? "").trim().split(/\s+/);
  const launcher = args.findIndex((arg) => arg === "scripts/run.mjs");
  if (node !== "node" || launcher === -1) throw new Error(`package.json's "${name}" script is not "node … scripts/run.mjs <script>": ${scripts[name]}`);
  return args.map((arg, i) => (i === launcher ? path.join(ROOT, arg) : arg));
}
