// `npm run build` / `npm run dev`: bundle the page cache handler and the web server, then hand over to `next build` or `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { applyMigrations, PROJECT_ROOT } from "../src/server/db/migrations";
import { buildRuntimeBundles } from "./lib/build-runtime-bundles";
import { nextCommandEnv } from "./lib/next-command-env";
import { runCli } from "./lib/run-cli";
import { withDatabaseUrl } from "./lib/with-database-url";

function runNext(command: "dev" | "build", env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next"), command], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env,
    });
    // A stop reaches this process (an IDE's stop button, `kill`, a closed terminal): Next stops first, then the caller, which for
    // `dev` stops the embedded database it started. Without this, node died at the signal, and its database and `next dev` ran on.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    for (const signal of signals) process.on(signal, forward);
    child.on("error", reject);
    child.on("exit", (code) => {
      for (const signal of signals) process.off(signal, forward);
      resolve(code);
    });
  });
}

runCli(async () => {
  await buildRuntimeBundles();
  // A build reads no database; the dev server serves pages from one, as `npm start` does: DATABASE_URL, or the embedded database
  // (the running one of `npm start`, or its data directory started for the session), migrated. Without it every page was a 500.
  const code =
    process.argv[2] === "dev"
      ? await withDatabaseUrl(async (url) => {
          await applyMigrations(url);
          return runNext("dev", nextCommandEnv(process.env, url));
        })
      : await runNext("build", nextCommandEnv(process.env));
  process.exitCode = code ?? 1;
});
