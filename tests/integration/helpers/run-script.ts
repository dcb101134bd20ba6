// Runs a project script as `npm run <name>` does, as a child process, and captures its output, for CLI and start-up tests.
import { spawn } from "node:child_process";
import path from "node:path";
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
