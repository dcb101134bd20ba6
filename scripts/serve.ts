// The web server process `npm start` runs: the production build behind serveApp, until SIGTERM or SIGINT. It runs as the bundle
// .build/serve.mjs (scripts/lib/build-runtime-bundles.ts), one folder below the project root as this file is.
import path from "node:path";
import { SITE_SCRIPT_HASH } from "../src/components/site-script";
import { getConfig } from "../src/server/config";
import { serveApp } from "../src/server/http/serve-app";
import { logger } from "../src/server/logger";
import { runCli } from "./lib/run-cli";
import { whenParentExits } from "./lib/when-parent-exits";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

runCli(async () => {
  const config = getConfig();
  const server = await serveApp({
    dir: PROJECT_ROOT,
    port: config.PORT,
    trustedHops: config.TRUST_PROXY,
    scriptHash: SITE_SCRIPT_HASH,
    https: config.APP_URL.startsWith("https:"),
  });
  logger.info(`web server listening on port ${config.PORT}${config.TRUST_PROXY ? `, trusting ${config.TRUST_PROXY} proxy hop(s)` : ""}`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
    // `npm start` killed outright (kill -9, out of memory) signals nobody: this server kept answering from a database nobody would stop.
    whenParentExits((parent) => {
      logger.warn(`The process that started the web server (pid ${parent}) has exited; stopping`);
      resolve();
    });
  });
  await server.close();
});
