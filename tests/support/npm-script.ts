// How `npm run <name>` starts a script, read from package.json, so tests start the app, the worker and the digest exactly as npm does.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * The node arguments of package.json's `<name>` script (`node --liftoff-only --import tsx scripts/start.ts` gives
 * `["--liftoff-only", "--import", "tsx", "<root>/scripts/start.ts"]`), for `spawn(process.execPath, …)`: one process, which gets signals itself.
 */
export function npmScriptNodeArgs(name: "start" | "worker" | "digest"): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = (scripts[name] ?? "").trim().split(/\s+/);
  const script = args.at(-1);
  if (node !== "node" || !script?.startsWith("scripts/")) throw new Error(`package.json's "${name}" script is not "node … scripts/<file>": ${scripts[name]}`);
  return [...args.slice(0, -1), path.join(ROOT, script)];
}
