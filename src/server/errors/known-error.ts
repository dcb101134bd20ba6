// Which thrown values are answers rather than faults: an AppError, or a database that cannot take a query right now, read as UNAVAILABLE
// (503 with Retry-After) by every surface that answers one: route handlers, pages, forms and server actions.
import { logger } from "../logger";
import { AppError, isAppError } from "./app-error";

/** How soon a client may ask again when the database could not answer (the answer's Retry-After). */
const BUSY_RETRY_SECONDS = 5;

/** What the log says happened, for an admin reading it: one line per way the database could not answer, each a warning, never an error. */
const SAYS = {
  timedOut: "the database could not take the query in time",
  unreachable: "the database is not reachable",
  full: "the database refused more connections",
  starting: "the database is starting up",
  lost: "the database connection was lost",
} as const;

/**
 * node-postgres' own words for a connection that never came or went away, which Prisma passes on as they are (the second as the first's
 * cause): no pool connection free within connectionTimeoutMillis, a server that took the connection and never answered, and a
 * connection the server or the network dropped without a word.
 */
const CONNECTION_LOST = new Map<string, string>([
  ["timeout exceeded when trying to connect", SAYS.timedOut],
  ["Connection terminated due to connection timeout", SAYS.timedOut],
  ["Connection terminated unexpectedly", SAYS.lost],
]);
/** Prisma's code for every failure of its transaction API; only this one of them is a wait for the pool (an expired or closed one is our bug). */
const TRANSACTION_API_ERROR = "P2028";
const TRANSACTION_START_TIMEOUT = "Unable to start a transaction in the given time.";
/**
 * The driver adapter's kinds for a server nothing answers at (refused, unknown host), one refusing more connections, and a connection
 * reset or timed out at the socket.
 */
const BUSY_KINDS = new Map<string, string>([
  ["DatabaseNotReachable", SAYS.unreachable],
  ["TooManyConnections", SAYS.full],
  ["ConnectionClosed", SAYS.lost],
  ["SocketTimeout", SAYS.timedOut],
]);
/**
 * PostgreSQL's SQLSTATEs for load or an outage: query_canceled (a statement past statement_timeout, its wait for a lock included),
 * admin_shutdown (a restart or a failover ended the connection, pg_terminate_backend too), crash_shutdown, and cannot_connect_now
 * (starting up or recovering).
 */
const BUSY_SQLSTATES = new Map<string, string>([
  ["57014", SAYS.timedOut],
  ["57P01", SAYS.lost],
  ["57P02", SAYS.lost],
  ["57P03", SAYS.starting],
]);
/** How far down a chain of causes to look: wrappers are a level or two deep, and a cycle must not loop. */
const MAX_CAUSE_DEPTH = 5;

/**
 * What the database driver said of a failure, as Prisma keeps it on its error (`meta.driverAdapterError.cause`): `kind`, and for
 * kind "postgres" PostgreSQL's SQLSTATE in `code`. Read off the error's fields, not its class: Next bundles Prisma's runtime into each
 * of its server bundles, and the one client of the process (src/server/db.ts) throws the classes of whichever bundle made it.
 */
function driverFailure(err: Error): { kind?: unknown; code?: unknown } | undefined {
  return (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } }).meta?.driverAdapterError?.cause;
}

/** What the log says of `err` when it is one way the database could not answer; undefined for anything else. */
function busyFailure(err: Error): string | undefined {
  const lost = CONNECTION_LOST.get(err.message);
  if (lost) return lost;
  if ((err as { code?: unknown }).code === TRANSACTION_API_ERROR) return err.message.includes(TRANSACTION_START_TIMEOUT) ? SAYS.timedOut : undefined;
  const failure = driverFailure(err);
  const kind = typeof failure?.kind === "string" ? BUSY_KINDS.get(failure.kind) : undefined;
  if (kind) return kind;
  return failure?.kind === "postgres" && typeof failure.code === "string" ? BUSY_SQLSTATES.get(failure.code) : undefined;
}

/** busyFailure of `err` or of an error it wraps. */
function busyDatabase(err: unknown): string | undefined {
  let at = err;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && at instanceof Error; depth++, at = at.cause) {
    const says = busyFailure(at);
    if (says) return says;
  }
  return undefined;
}

/**
 * A database with no connection to give in time (the pool's timeout, a transaction that could not start), refusing connections (too
 * many, starting up), not answering at all, dropping the connection (a restart, a failover, a reset), or ending a statement at
 * statement_timeout: load or an outage that passes, not a fault of ours or the client's, so no 500 logged as a bug. The shapes are those
 * Prisma 7 over @prisma/adapter-pg throws for each (tests/integration/busy-database.test.ts provokes them on real and fake servers), on
 * `err` or on an error it wraps (its `cause`). Exported for what only logs such an error (the app server's console, serve-app.ts).
 */
export function isBusyDatabase(err: unknown): boolean {
  return busyDatabase(err) !== undefined;
}

/**
 * Busy errors already logged: one failed read can reach several surfaces (a memoized session check, awaited by the admin layout and by
 * its page; an error read here and then answered by errorResponse), and each would log it again.
 */
const logged = new WeakSet<object>();

/** The AppError `err` stands for: itself, or UNAVAILABLE for a database too busy to answer; null for a fault (a 500, logged by the caller). */
export function knownError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  const says = busyDatabase(err);
  if (says === undefined) return null;
  // busyDatabase reads only an Error, so `err` is an object.
  if (!logged.has(err as object)) {
    logged.add(err as object);
    // Each the same warning once, whatever its cause: an unreachable server (a wrong host in DATABASE_URL) is named as such.
    logger.warn({ err }, says);
  }
  return new AppError("UNAVAILABLE", "the database is busy", {
    userMessage: "The server is busy. Try again in a few seconds.",
    retryAfterSeconds: BUSY_RETRY_SECONDS,
    cause: err,
  });
}
