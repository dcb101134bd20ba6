// The web server process `npm start` runs: the production build behind serveApp, until SIGTERM or SIGINT; with WEB_CONCURRENCY above
// 1, that many of them sharing the port under this one. It runs as the bundle .build/serve.mjs (scripts/lib/build-runtime-bundles.ts),
// one folder below the project root as this file is.
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { SITE_SCRIPT_HASH } from "../src/components/site-script";
import { getConfig } from "../src/server/config";
import { serveApp } from "../src/server/http/serve-app";
import { logger } from "../src/server/logger";
import { runCli } from "./lib/run-cli";
import { whenParentExits } from "./lib/when-parent-exits";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

/** Resolves on SIGTERM or SIGINT, or once the process that started this one has exited (`npm start` killed outright signals nobody). */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
    whenParentExits((parent) => {
      logger.warn(`The process that started the web server (pid ${parent}) has exited; stopping`);
      resolve();
    });
  });
}

function listeningLine(processes: number): string {
  const { PORT, TRUST_PROXY } = getConfig();
  return `web server listening on port ${PORT}${processes > 1 ? ` in ${processes} processes` : ""}${TRUST_PROXY ? `, trusting ${TRUST_PROXY} proxy hop(s)` : ""}`;
}

async function serve(): Promise<void> {
  const config = getConfig();
  const server = await serveApp({
    dir: PROJECT_ROOT,
    port: config.PORT,
    trustedHops: config.TRUST_PROXY,
    scriptHash: SITE_SCRIPT_HASH,
    https: config.APP_URL.startsWith("https:"),
  });
  if (cluster.isPrimary) logger.info(listeningLine(1));
  await untilStopped();
  await server.close();
}

/**
 * `count` web server processes on one port: node:cluster listens here and hands each new connection to the next process in turn. One
 * that fails stops the rest and fails this one, as a lone web server's exit fails `npm start`: a half-served site is not kept running
 * quietly.
 */
async function serveFromProcesses(count: number): Promise<void> {
  let stopping = false;
  let failed = false;
  const exits = Array.from({ length: count }, () => {
    const worker: Worker = cluster.fork();
    return new Promise<void>((resolve) =>
      worker.once("exit", (code, signal) => {
        // Exit code 0 is a process that was told to stop (a Ctrl-C reaches every process of the group, maybe this one's last).
        if (!stopping && (code !== 0 || signal)) {
          logger.error(`A web server process ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}; stopping the others`);
          failed = true;
        }
        resolve();
      }),
    );
  });
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === count) logger.info(listeningLine(count));
  });
  // Any process's exit stops the rest, as a signal does.
  await Promise.race([untilStopped(), ...exits]);
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  await Promise.all(exits);
  if (failed) throw new Error("a web server process exited; the others were stopped");
}

runCli(async () => {
  const { WEB_CONCURRENCY } = getConfig();
  await (cluster.isPrimary && WEB_CONCURRENCY > 1 ? serveFromProcesses(WEB_CONCURRENCY) : serve());
});
