// Benchmark: time from `npm start` to the first 200 on `/`, on an empty data directory (cold) and on a second start (warm).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, waitUntilAnswering } from "../src/server/net/local-probes";

const root = path.resolve(import.meta.dirname, "..");

async function timeToFirst200(dataDir: string, port: number): Promise<number> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/start.ts")], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  try {
    const check = () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    };
    for (;;) {
      const res = await waitUntilAnswering(`http://127.0.0.1:${port}/`, { timeoutMs: 600_000, intervalMs: 50, check });
      if (res.status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await new Promise((r) => {
      child.once("exit", r);
      child.kill("SIGTERM");
    });
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "paper-digest-bench-start-"));
chmodSync(dataDir, 0o755);
try {
  const port = await findFreePort(3950);
  await timeToFirst200(dataDir, port).then(() => rmSync(dataDir, { recursive: true, force: true }));
  const cold = await timeToFirst200(dataDir, port);
  const warm = await timeToFirst200(dataDir, port);
  console.log("startup (build already present, embedded PostgreSQL):");
  console.log(`  cold start, empty data dir -> first 200 on /: ${(cold / 1000).toFixed(2)} s`);
  console.log(`  warm start, existing data  -> first 200 on /: ${(warm / 1000).toFixed(2)} s`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
