// Starts `npm run worker` (scripts/worker.ts) as real child processes for the multi-worker digest test.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT, cleanEnv, type TEnv } from "./run-script";

const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export type TWorker = { child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

/** Resolves once the worker logs that its digest worker is running. */
export function startWorker(env: TEnv, timeoutMs = 90_000): Promise<TWorker> {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, "scripts", "worker.ts")], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: "info", ...env }) as NodeJS.ProcessEnv,
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const worker: TWorker = {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`worker did not start:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("digest: delivery worker started")) {
        clearTimeout(timer);
        resolve(worker);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`worker exited early:\n${output}`));
    });
  });
}
