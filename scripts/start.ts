// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, build, then the web server and background jobs.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getConfig, type TConfig } from "../src/server/config";
import { createDb } from "../src/server/db";
import { LOCK_KEYS, withAdvisoryLock } from "../src/server/db/advisory-lock";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../src/server/db/embedded-postgres";
import { PROJECT_ROOT, applyMigrations } from "../src/server/db/migrations";
import { describeError } from "../src/server/errors/describe-error";
import { seedDemo } from "../src/server/ingest/seed-demo";
import { startBackground } from "../src/server/jobs/start-background";
import { logger } from "../src/server/logger";
import { buildIfNeeded } from "./lib/build-if-needed";
import { stopBundler } from "./lib/bundle-script.mjs";
import { webServerArgs } from "./lib/build-runtime-bundles";
import { whenParentExits } from "./lib/when-parent-exits";
import { isPortFree } from "../src/server/net/local-probes";
import { nextCommandEnv } from "./lib/next-command-env";
import { startNotes } from "./lib/start-notes";

const log = (msg: string) => logger.info(msg);
const cleanups: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;
const stopped = new AbortController();

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    stopped.abort();
    // A child killed by a signal has no exit code, and its 'exit' has already fired: waiting for it hung here for good.
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => logger.error(describeError(err)));
  }
  process.exit(code);
}

function fail(message: string): Promise<never> {
  console.error(`Error: ${message}`);
  return shutdown(1);
}

async function database(config: TConfig): Promise<string> {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  // Out of our process group: a Ctrl-C stops the web server and the workers first, then the database (shutdown), never all at once.
  const db: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, "pg"), log, ownProcessGroup: true });
  cleanups.push(async () => {
    await db.stop();
    log("Embedded PostgreSQL stopped");
  });
  return db.url;
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = getConfig();
  if (config.generatedSecrets.length > 0) {
    const names = config.generatedSecrets.join(", ").replace(/, ([^,]+)$/, " and $1");
    const hint = config.generatedSecrets.includes("ADMIN_TOKEN") ? " (read it to sign in at /admin)" : "";
    console.log(`Generated ${names}; kept in ${config.secretsFile}${hint}.`);
  }
  if (!(await isPortFree(config.PORT))) {
    return void (await fail(`Port ${config.PORT} is already in use. Stop the other process or set PORT to a free port.`));
  }
  // SIGHUP too: a closed terminal no longer reaches the embedded database, which runs in a process group of its own.
  // Said once, at the signal: the stop of the workers and the database can take seconds, and only its last line said anything.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!stopping) log(`${signal}: stopping the web server, the background work and the database`);
      void shutdown(0);
    });
  }
  whenParentExits(
    (parent) => {
      log(`The process that started this one (pid ${parent}) has exited; stopping`);
      void shutdown(0);
    },
    { watchNpm: true },
  );

  const databaseUrl = await database(config);
  process.env.DATABASE_URL = databaseUrl;
  const applied = await applyMigrations(databaseUrl, { onWait: () => log("Another instance is migrating the database; waiting for it to finish") });
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

  const db = createDb(databaseUrl, { max: 4 });
  cleanups.push(() => db.$disconnect());
  if (config.SEED_DEMO) {
    // One instance loads them; one started beside it waits, then finds papers (both loading failed the second: "already running").
    const lock = {
      connectionString: databaseUrl,
      key: LOCK_KEYS.SEED_DEMO,
      failure: "Loading the demo papers failed",
      onWait: () => log("Another instance is loading the demo papers; waiting for it to finish"),
    };
    const seed = await withAdvisoryLock(lock, () => seedDemo({ db, samplesDir: path.join(PROJECT_ROOT, "samples") }));
    if (seed.seeded) log(`Loaded ${seed.papers} demo papers from samples/`);
  }

  const env = { ...nextCommandEnv(process.env, databaseUrl), NODE_ENV: "production" as const };
  await buildIfNeeded({ root: PROJECT_ROOT, distDir: config.NEXT_DIST_DIR, env, log, signal: stopped.signal });
  await stopBundler();
  if (stopping) return;

  // The web server is its own process, beside this one's background work, so the two use both cores.
  child = spawn(process.execPath, webServerArgs(), {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (!stopping) void fail(`the web server ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`);
  });
  const background = await startBackground({ config, databaseUrl });
  cleanups.push(background.stop);
  for (const note of startNotes(config, Date.now() - started)) logger[note.level](note.message);
}

// Once stopping, what fails is what the stop interrupted (a build, a migration); the stop itself decides the exit code.
main().catch((err) => (stopping ? undefined : fail(describeError(err))));
