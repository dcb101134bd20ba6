// Runs a project script as `npm run <name>` does, or the web server as `npm start` does, as a child process, capturing its output.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "../../../scripts/lib/build-if-needed";
import { webServerArgs } from "../../../scripts/lib/build-runtime-bundles";
import { waitUntilAnswering } from "../../../src/server/net/local-probes";
import { npmScriptNodeArgs } from "../../support/npm-script";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export type TScriptResult = { code: number | null; stdout: string; stderr: string };

export type TEnv = Record<string, string | undefined>;

/**
 * `pipeTo` runs `<script> | <pipeTo>` in bash, so the script writes into a real pipe (64 KB of kernel buffer) as in `npm run ingest -- --json | jq`,
 * and the exit code is the script's; otherwise its stdout is the socket pair Node gives a child, which holds a few hundred KB.
 */
export function runScript(
  script: Parameters<typeof npmScriptNodeArgs>[0],
  args: string[],
  env: TEnv,
  timeoutMs = 60_000,
  { pipeTo, input }: { pipeTo?: string; /** written to the script's standard input, which is then closed */ input?: string | Buffer } = {},
): Promise<TScriptResult> {
  return new Promise((resolve, reject) => {
    const argv = [...npmScriptNodeArgs(script), ...args];
    const options = { cwd: ROOT, env: env as NodeJS.ProcessEnv };
    const child = pipeTo
      ? spawn("bash", ["-o", "pipefail", "-c", `"$@" | ${pipeTo}`, "bash", process.execPath, ...argv], options)
      : spawn(process.execPath, argv, options);
    let stdout = "";
    let stderr = "";
    // A script that exits without reading its input closes the pipe (EPIPE): its own output says why, so the error joins its stderr.
    child.stdin.on("error", (err) => (stderr += `\n[stdin: ${err.message}]`));
    child.stdin.end(input);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    // "close", not "exit": the output may still be in flight when the process has exited.
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** An environment without the caller's database or mail settings, plus `extra`. */
export function cleanEnv(extra: TEnv = {}): TEnv {
  const env: TEnv = { ...process.env, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of ["DATABASE_URL", "SMTP_URL", "PORT", "APP_URL", "DATA_DIR", "ADMIN_TOKEN", "CRON_SECRET", "APP_SECRET"]) delete env[key];
  return { ...env, ...extra };
}

type TExit = { code: number | null; signal: NodeJS.Signals | null };

export type TWebServer = { child: ChildProcess; base: string; output: () => string; exited: Promise<TExit>; stop: () => Promise<TExit> };

/**
 * The web server alone, as `npm start` runs it (the production build in `.next`, built first if needed), on `env`'s PORT; once its
 * health check answers. Its output is kept for the failure messages; `exited` is its exit, and `stop` sends SIGTERM and waits for it.
 */
export async function startWebServer(env: TEnv): Promise<TWebServer> {
  await buildIfNeeded({ root: ROOT, distDir: ".next", env: env as NodeJS.ProcessEnv, log: () => {} });
  const base = `http://127.0.0.1:${env.PORT}`;
  const child = spawn(process.execPath, webServerArgs(), { cwd: ROOT, env: env as NodeJS.ProcessEnv });
  const exited = new Promise<TExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const check = () => {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
  };
  await waitUntilAnswering(`${base}/api/health`, { timeoutMs: 120_000, check });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  return { child, base, output: () => output, exited, stop };
}
