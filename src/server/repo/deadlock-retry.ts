// What every writer that can meet another in row locks shares: reading a failed query's SQLSTATE, and how long to wait after a deadlock.

/** The SQLSTATE behind a failed raw query (Prisma's P2010 wraps the driver adapter's error). */
export const sqlState = (err: unknown): string | undefined => {
  const code = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
};

export const DEADLOCK_DETECTED = "40P01";

/**
 * How long a writer that lost a deadlock waits before trying again. Rolled back, it would otherwise lock the same first row again
 * within a millisecond, before the other writer (woken, but not yet run on a busy machine) takes it, and the two would deadlock
 * again until one of them gives up: seen in CI. Randomised and doubling, as deadlock retries usually are.
 */
export const deadlockBackoffMs = (attempt: number) => 100 * 2 ** (attempt - 1) * (0.5 + Math.random());
