// Builds the Next.js app when the sources changed since the last build, so `npm start` always serves current code.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { claimLockFile } from "../../src/server/process/lock-file";
import { buildRuntimeBundles } from "./build-runtime-bundles";
import { replaceFile } from "./bundle-script.mjs";

const INPUTS = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== "generated") walk(path.join(p, name), out);
  } else {
    out.push(p);
  }
}

/**
 * What a build reads from a file. tsconfig.json's `include` only steers the type checker, which the build skips (ignoreBuildErrors), and
 * `next build` writes its own dist dir into it: a build into another dist dir made the next start rebuild `.next` under a running server.
 */
function buildInput(file: string): Buffer | string {
  const bytes = readFileSync(file);
  if (path.basename(file) !== "tsconfig.json") return bytes;
  try {
    const { include: _ignored, ...rest } = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return bytes; // not plain JSON (comments): every change counts
  }
}

/** By content, not mtime: a checkout, a copy or a file put back as it was is no change (a restored mtime lost its sub-millisecond part). */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${path.relative(root, file)}\0`)
      .update(buildInput(file))
      .update("\0");
  return hash.digest("hex");
}

/**
 * The build's turn for one dist dir: instances started together on one checkout (after an update) took it at once, and the second
 * `next build` failed ("Another next build process is already running"), stopping its start. The others wait, then find it built.
 */
export async function takeBuildTurn(root: string, distDir: string, log: (m: string) => void, signal?: AbortSignal): Promise<() => void> {
  const lock = path.join(root, ".build", `${distDir.replace(/[^\w.-]+/g, "_")}.build-lock`);
  for (let told = false; ; told = true) {
    const claim = claimLockFile(lock);
    if ("release" in claim) return claim.release;
    if (!told) log(`Another start${claim.holder > 0 ? ` (pid ${claim.holder})` : ""} is building the app; waiting for it`);
    await sleep(500, undefined, { signal });
  }
}

type TBuildOptions = {
  root: string;
  distDir: string;
  env: NodeJS.ProcessEnv;
  log: (m: string) => void;
  signal?: AbortSignal;
  /** What builds: `next build`, but for the tests of whose turn it is, which need no two-minute build to tell. */
  build?: (opts: { root: string; env: NodeJS.ProcessEnv; signal?: AbortSignal }) => Promise<void>;
};

/** `signal`: aborting it stops a build under way (`npm start` stopped during its first build left `next build` running on its own). */
export async function buildIfNeeded(opts: TBuildOptions) {
  const release = await takeBuildTurn(opts.root, opts.distDir, opts.log, opts.signal);
  try {
    return await buildInTurn(opts);
  } finally {
    release();
  }
}

async function buildInTurn(opts: TBuildOptions) {
  await buildRuntimeBundles();
  const marker = path.join(opts.root, opts.distDir, "source-hash");
  const hash = sourceHash(opts.root);
  const built = existsSync(path.join(opts.root, opts.distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === hash;
  if (built) return false;
  opts.log("Building the app (first start or sources changed)...");
  const started = Date.now();
  // `next build` adds its dist dir's types to tsconfig.json's include; one into another dist dir (the benchmarks', a test's) must not
  // leave that edit in the checkout, so the file is put back as the build found it, whether the build ends, fails or is stopped. Put back
  // whole at once: a CLI bundled at that moment reads it for the path aliases.
  const tsconfigPath = path.join(opts.root, "tsconfig.json");
  const tsconfig = existsSync(tsconfigPath) ? readFileSync(tsconfigPath) : undefined;
  await (opts.build ?? runNextBuild)(opts).finally(() => {
    if (tsconfig !== undefined && !readFileSync(tsconfigPath).equals(tsconfig)) replaceFile(tsconfigPath, tsconfig);
  });
  writeFileSync(marker, hash);
  opts.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function runNextBuild(opts: { root: string; env: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(opts.root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: opts.root,
      env: opts.env,
      stdio: ["ignore", "inherit", "inherit"],
      signal: opts.signal,
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
}
