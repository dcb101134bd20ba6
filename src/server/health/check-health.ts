// Readiness: the database answers and every migration in prisma/migrations has been applied.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db";
import { describeError } from "../errors/describe-error";
import { logger } from "../logger";
import { listAppliedMigrations } from "../repo/migrations-applied";

export type THealth = { ok: true; migrations: number } | { ok: false; reason: string };

export async function checkHealth(opts: { db: Db; migrationsDir?: string }): Promise<THealth> {
  const dir = opts.migrationsDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
  let applied: string[];
  try {
    applied = await listAppliedMigrations({ db: opts.db });
  } catch (err) {
    // The reason is public (load balancers and anybody else read it): the error, with its addresses and driver's wording, goes to the log.
    logger.warn({ err: describeError(err) }, "health check: the database did not answer");
    return { ok: false, reason: "database unreachable or not migrated" };
  }
  const expected = (await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const done = new Set(applied);
  const pending = expected.filter((name) => !done.has(name));
  if (pending.length) return { ok: false, reason: `pending migrations: ${pending.join(", ")}` };
  return { ok: true, migrations: expected.length };
}
