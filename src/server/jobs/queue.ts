// The PostgreSQL-backed job queue (pg-boss) shared by web instances and `npm run worker` processes.
import PgBoss from "pg-boss";
import { logger } from "../logger";

/** SQLSTATE 57P01, admin_shutdown: the server ending a session as it stops. */
const ADMIN_SHUTDOWN = "57P01";

export const QUEUES = { ingest: "ingest-run", digest: "digest-delivery" } as const;

/**
 * A started queue client. `sendOnly`: supervision (maintenance) and schedules off, for a process that only sends jobs (the web
 * process's ingestion queue): the processes that work the queue run them.
 */
export async function startQueue(opts: { connectionString: string; max?: number; sendOnly?: boolean }): Promise<PgBoss> {
  const background = opts.sendOnly ? { supervise: false, schedule: false } : {};
  const boss = new PgBoss({ connectionString: opts.connectionString, max: opts.max ?? 4, schema: "pgboss", ...background });
  // pg-boss reports its own background failures (a dropped connection, a failed maintenance query) here and retries them.
  let stopped = false;
  boss.on("stopped", () => (stopped = true));
  boss.on("error", (err) => {
    // Once stopped, its pool has sent each connection's goodbye without waiting for the server's; a database stopped right after (npm
    // start's Ctrl-C) can end one first, with "terminating connection" on a connection nobody uses any more: expected, not a warning.
    if (stopped && (err as { code?: unknown }).code === ADMIN_SHUTDOWN) logger.debug({ err }, "job queue connection ended after its stop");
    else logger.warn({ err }, "job queue error");
  });
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}
