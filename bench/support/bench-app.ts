// Shared bench plumbing: a fresh bench database, a production build in its own dist dir, and the app's own web server (the one
// `npm start` runs, scripts/serve.ts) on it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { waitUntilAnswering } from "../../src/server/net/local-probes";
import { applyMigrations, PROJECT_ROOT } from "../../src/server/db/migrations";
import { startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { webServerArgs } from "../../scripts/lib/build-runtime-bundles";
import { recreateDatabase, siblingUrl } from "../../tests/support/test-databases";

const BENCH_CRON_SECRET = "bench-cron-secret-0123456789";
const BENCH_DIST_DIR = ".data/next-bench";

/**
 * A fresh, migrated database `<DATABASE_URL>_<suffix>`, or an embedded one under .data/bench when DATABASE_URL is unset. With
 * `reuse`, a database left by an earlier run is kept as it is (`reused: true`), so a slow seed is paid once.
 */
export async function benchDatabase(suffix: string, opts: { reuse?: boolean } = {}): Promise<{ url: string; reused: boolean; stop: () => Promise<void> }> {
  const db = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data", `bench-${suffix}`, "pg") });
  const url = siblingUrl(db.url, suffix);
  const reused = opts.reuse === true && (await databaseExists(db.url, url));
  if (!reused) await recreateDatabase(db.url, url);
  await applyMigrations(url);
  return { url, reused, stop: () => db.stop() };
}

async function databaseExists(adminUrl: string, url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [new URL(url).pathname.slice(1)]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

function benchEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    CRON_SECRET: BENCH_CRON_SECRET,
    BENCH_STATIC_PAGE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(PROJECT_ROOT, ".data", "bench"),
  };
}

/** `pid`: the web server process, the root of the instance's process tree (for memory figures). */
export async function startApp(databaseUrl: string, port: number): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const env = benchEnv(databaseUrl, port);
  await buildIfNeeded({ root: PROJECT_ROOT, distDir: BENCH_DIST_DIR, env, log: (m) => console.log(m) });
  // BENCH_APP_NODE_ARGS adds node flags to the app's process (`--cpu-prof`, a V8 flag being weighed), which NODE_OPTIONS may not carry.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, webServerArgs(nodeArgs), {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${base}/api/health`, { timeoutMs: 120_000, intervalMs: 200 });
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
