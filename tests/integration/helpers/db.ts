// Per-file database access for integration tests: one client on its worker's own database, and a reset that truncates every app table.
import { inject } from "vitest";
import { createDb, type Db } from "../../../src/server/db";
import { workerNumber } from "./worker";

/** This worker's database (global-setup.ts makes one per worker), so a file running beside another never sees its rows or locks. */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const url = urls[workerNumber() - 1];
  if (!url) throw new Error(`no database for worker ${workerNumber()}: global-setup.ts made ${urls.length}, one per worker of maxWorkers`);
  return url;
}

export function testDb(): Db {
  return createDb(testDatabaseUrl(), { max: 5 });
}

/** Empties every table except the migration history, so each file starts clean. */
export async function resetDb(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  await db.$executeRawUnsafe(
    `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN EXECUTE 'DROP SCHEMA pgboss CASCADE'; END IF; END $$`,
  );
}
