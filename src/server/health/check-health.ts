// Readiness: the database answers and every migration in prisma/migrations has been applied.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db";
import { describeError } from "../errors/describe-error";

export type THealth = { ok: true; migrations: number } | { ok: false; reason: string };

export async function checkHealth(opts: { db: Db; migrationsDir?: string }): Promise<THealth> {
  const dir = opts.migrationsDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
  let applied: { migration_name: string }[];
  try {
    applied = await opts.db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (err) {
    return { ok: false, reason: `database unreachable or not migrated: ${describeError(err)}` };
  }
  const expected = (await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const done = new Set(applied.map((r) => r.migration_name));
  const pending = expected.filter((name) => !done.has(name));
  if (pending.length) return { ok: false, reason: `pending migrations: ${pending.join(", ")}` };
  return { ok: true, migrations: expected.length };
}
