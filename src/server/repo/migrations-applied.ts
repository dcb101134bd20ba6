// Which migrations the database says it has applied, for the readiness check.
import type { Db } from "../db";

export async function listAppliedMigrations(opts: { db: Db }): Promise<string[]> {
  const rows = await opts.db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((r) => r.migration_name);
}
