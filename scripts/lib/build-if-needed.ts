// Builds the Next.js app when the sources changed since the last build, so `npm start` always serves current code.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildRuntimeBundles } from "./build-runtime-bundles";

const INPUTS = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== "generated") walk(path.join(p, name), out);
  } else {
    out.push(`${p}:${st.size}:${st.mtimeMs}`);
  }
}

function sourceHash(root: string): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

/** `signal`: aborting it stops a build under way (`npm start` stopped during its first build left `next build` running on its own). */
export async function buildIfNeeded(opts: { root: string; distDir: string; env: NodeJS.ProcessEnv; log: (m: string) => void; signal?: AbortSignal }) {
  await buildRuntimeBundles();
  const marker = path.join(opts.root, opts.distDir, "source-hash");
  const hash = sourceHash(opts.root);
  const built = existsSync(path.join(opts.root, opts.distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === hash;
  if (built) return false;
  opts.log("Building the app (first start or sources changed)...");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(opts.root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: opts.root,
      env: opts.env,
      stdio: ["ignore", "inherit", "inherit"],
      signal: opts.signal,
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
  writeFileSync(marker, hash);
  opts.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
