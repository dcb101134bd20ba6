// The PostgreSQL-backed job queue (pg-boss) shared by web instances and `npm run worker` processes.
import PgBoss from "pg-boss";
import { logger } from "../logger";

export const QUEUES = { ingest: "ingest-run", digest: "digest-delivery" } as const;

export async function startQueue(opts: { connectionString: string; max?: number }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: opts.connectionString, max: opts.max ?? 4, schema: "pgboss" });
  // pg-boss reports its own background failures (a dropped connection, a failed maintenance query) here and retries them.
  boss.on("error", (err) => logger.warn({ err }, "job queue error"));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}
