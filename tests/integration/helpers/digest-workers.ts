// Starts `npm run worker` and `npm run digest` (scripts/*.ts) as real child processes, for the multi-worker and crash tests.
import { spawn, type ChildProcess } from "node:child_process";
import { npmScriptNodeArgs } from "../../support/npm-script";
import { ROOT, cleanEnv, type TEnv } from "./run-script";

export type TProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
export type TWorker = TProcess & { stop: () => Promise<number | null> };

/** `npm run <name>` as one node process with package.json's arguments (not the tsx CLI, which runs the script in a second process), so a signal reaches the script itself. */
export function spawnScript(name: "worker" | "digest", args: string[], env: TEnv): TProcess {
  const child = spawn(process.execPath, [...npmScriptNodeArgs(name), ...args], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: "info", ...env }) as NodeJS.ProcessEnv,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the worker logs that its digest worker is running. */
export function startWorker(env: TEnv, timeoutMs = 90_000): Promise<TWorker> {
  const proc = spawnScript("worker", [], env);
  const worker: TWorker = {
    ...proc,
    stop: async () => {
      if (proc.child.exitCode === null) proc.child.kill("SIGTERM");
      return proc.exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.child.kill("SIGKILL");
      reject(new Error(`worker did not start:\n${proc.output()}`));
    }, timeoutMs);
    const onData = () => {
      if (proc.output().includes("digest: delivery worker started")) {
        clearTimeout(timer);
        resolve(worker);
      }
    };
    proc.child.stdout?.on("data", onData);
    proc.child.stderr?.on("data", onData);
    void proc.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker exited early:\n${proc.output()}`));
    });
  });
}
