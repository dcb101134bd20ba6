// Which thrown values are answers rather than faults: an AppError, or a database that cannot take a query right now, read as UNAVAILABLE
// (503 with Retry-After) by every surface that answers one: route handlers, pages, forms and server actions.
import { logger } from "../logger";
import { AppError, isAppError } from "./app-error";

/** How soon a client may ask again when the database could not answer (the answer's Retry-After). */
const BUSY_RETRY_SECONDS = 5;

/** pg-pool's error when no connection came free within connectionTimeoutMillis; Prisma passes it on as it is. */
const POOL_TIMEOUT = "timeout exceeded when trying to connect";
/** Prisma's "unable to start a transaction in the given time": its transaction waited for a pool connection. */
const TRANSACTION_START_TIMEOUT = "P2028";
/** The driver adapter's kinds for a server nothing answers at (refused, unknown host) and one refusing more connections. */
const BUSY_KINDS = new Set(["DatabaseNotReachable", "TooManyConnections"]);
/** PostgreSQL's query_canceled, which a statement past statement_timeout ends with (waiting for a lock included). */
const STATEMENT_TIMEOUT = "57014";

/**
 * What the database driver said of a failure, as Prisma keeps it on its error (`meta.driverAdapterError.cause`): `kind`, and for
 * kind "postgres" PostgreSQL's SQLSTATE in `code`. Read off the error's fields, not its class: Next bundles Prisma's runtime into each
 * of its server bundles, and the one client of the process (src/server/db.ts) throws the classes of whichever bundle made it.
 */
function driverFailure(err: Error): { kind?: unknown; code?: unknown } | undefined {
  return (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } }).meta?.driverAdapterError?.cause;
}

/**
 * A database with no connection to give in time (the pool's timeout, a transaction that could not start), refusing connections (too
 * many), not answering at all, or ending a statement at statement_timeout: load or an outage that passes, not a fault of ours or the
 * client's, so no 500 logged as a bug. The shapes are those Prisma 7 over @prisma/adapter-pg throws for each
 * (tests/integration/busy-database.test.ts provokes every one on a real server).
 */
function isBusyDatabase(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.message === POOL_TIMEOUT || (err as { code?: unknown }).code === TRANSACTION_START_TIMEOUT) return true;
  const failure = driverFailure(err);
  return (typeof failure?.kind === "string" && BUSY_KINDS.has(failure.kind)) || (failure?.kind === "postgres" && failure.code === STATEMENT_TIMEOUT);
}

/** The AppError `err` stands for: itself, or UNAVAILABLE for a database too busy to answer; null for a fault (a 500, logged by the caller). */
export function knownError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  if (!isBusyDatabase(err)) return null;
  logger.warn({ err }, "the database could not take the query in time");
  return new AppError("UNAVAILABLE", "the database is busy", {
    userMessage: "The server is busy. Try again in a few seconds.",
    retryAfterSeconds: BUSY_RETRY_SECONDS,
    cause: err,
  });
}
