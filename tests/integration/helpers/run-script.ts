// Runs a project script (tsx) as a child process and captures its output, for CLI and start-up tests.
import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export type TScriptResult = { code: number | null; stdout: string; stderr: string };

export type TEnv = Record<string, string | undefined>;

export function runScript(script: string, args: string[], env: TEnv, timeoutMs = 60_000): Promise<TScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, script), ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
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
