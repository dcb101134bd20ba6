// Applies and creates migrations in prisma/migrations through the WASM schema engine (`npm run db:migrate`).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { logger } from "../logger";
import { LOCK_KEYS, withAdvisoryLock } from "./advisory-lock";
import { openSchemaEngine } from "./schema-engine";

/**
 * The nearest folder above this module holding package.json: src/server/db's project when run from source, and the same when a
 * module importing this is bundled into .build/ (scripts/lib/build-runtime-bundles.ts), where a fixed "../../.." would miss it.
 */
export const PROJECT_ROOT = projectRoot(import.meta.dirname);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
/** Copy of the schema kept beside each migration, diffed against to create the next one. */
export const SNAPSHOT_FILE = "schema.prisma.snapshot";
const FILTERS = { externalTables: [], externalEnums: [] };

async function listMigrationDirs(): Promise<string[]> {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function migrationsList() {
  const dirs = await listMigrationDirs();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** The engine reports "external connector error" followed by the useful line; keep the useful line. */
function engineErrorSummary(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /^(Error|ERROR)|database|migration/i.test(l) && !/^external connector error$/.test(l)) ?? lines[0] ?? text;
}

/**
 * Applies every pending migration; returns the names applied now. Processes starting together take turns: the others wait (`onWait`
 * is called when one has to) and then find nothing pending.
 */
export async function applyMigrations(connectionString: string, opts: { onWait?: () => void } = {}): Promise<string[]> {
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const lock = { connectionString, key: LOCK_KEYS.MIGRATE, failure: "Migration failed", onWait: opts.onWait };
  return withAdvisoryLock(lock, async () => {
    const { engine, close } = await openSchemaEngine({ connectionString, datamodels: [[SCHEMA_PATH, schemaText]] });
    try {
      const out = await engine.applyMigrations({ migrationsList: await migrationsList(), filters: FILTERS });
      return out.appliedMigrationNames;
    } catch (err) {
      throw new Error(`Migration failed: ${engineErrorSummary(err)}`, { cause: err });
    } finally {
      // A failure to close must not hide the migration's own outcome.
      await close().catch((err: unknown) => logger.warn({ err }, "the schema engine did not close cleanly"));
    }
  });
}

/** SQL that turns the last migration's schema snapshot into the current schema.prisma ("" when nothing changed). */
export async function diffSchemaSinceLastMigration(connectionString: string): Promise<string> {
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const dirs = await listMigrationDirs();
  const last = dirs.at(-1);
  const snapshotPath = last ? path.join(MIGRATIONS_DIR, last, SNAPSHOT_FILE) : undefined;
  if (snapshotPath && !existsSync(snapshotPath)) throw new Error(`Missing ${snapshotPath}: cannot diff from the last migration.`);
  const { engine, close } = await openSchemaEngine({ connectionString, datamodels: [[SCHEMA_PATH, schemaText]] });
  try {
    const from = snapshotPath
      ? { tag: "schemaDatamodel" as const, files: [{ path: SCHEMA_PATH, content: await readFile(snapshotPath, "utf8") }] }
      : { tag: "empty" as const };
    const to = { tag: "schemaDatamodel" as const, files: [{ path: SCHEMA_PATH, content: schemaText }] };
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters: FILTERS });
    return result.stdout ?? "";
  } finally {
    await close();
  }
}
