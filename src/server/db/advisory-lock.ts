// Session advisory locks that processes on one database take turns on: several instances starting at once migrate and load the demo
// papers one after the other, however long the first one takes.
import pg from "pg";
import { logger } from "../logger";

/** The keys, one per job; none is the schema engine's own (72707369), which it takes inside MIGRATE. */
export const LOCK_KEYS = { MIGRATE: 72707370, SEED_DEMO: 72707371 } as const;

/**
 * Runs `run` holding the advisory lock `key` on a session of its own, waiting for as long as another process holds it (`onWait` is
 * called when it has to). The lock goes with the session, so a holder that crashed frees it. `failure` starts the message of a
 * database that cannot be reached.
 */
export async function withAdvisoryLock<T>(
  opts: { connectionString: string; key: number; failure: string; onWait?: () => void },
  run: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: opts.connectionString });
  // The server may end the session while `run` works (a database stopped by Ctrl-C, a dropped network): without a listener the
  // client's error event ended the process. A query under way rejects by itself; an idle session just loses its lock.
  let lost: Error | undefined;
  client.on("error", (err) => (lost = err));
  const end = () => client.end().catch((err: unknown) => logger.debug({ err }, "advisory lock session already closed"));
  try {
    await client.connect();
  } catch (err) {
    await end();
    throw new Error(`${opts.failure}: cannot reach the database (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [opts.key]);
    if (rows[0]?.locked !== true) {
      opts.onWait?.();
      await client.query("SELECT pg_advisory_lock($1)", [opts.key]);
    }
    return await run();
  } finally {
    if (lost) logger.warn({ err: lost, key: opts.key }, "the advisory lock's session ended before its work did");
    await end();
  }
}
