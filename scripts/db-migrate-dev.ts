// `npm run db:migrate:dev -- --name x`: writes a new migration from the change to prisma/schema.prisma, then applies it.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_FILE, applyMigrations, diffSchemaSinceLastMigration } from "../src/server/db/migrations";
import { withDatabaseUrl } from "./lib/with-database-url";
import { parseCliArgs, runCli } from "./lib/run-cli";

const USAGE = "npm run db:migrate:dev -- --name add_something   (writes a migration from the change to prisma/schema.prisma, then applies it)";

runCli(async () => {
  const values = parseCliArgs(USAGE, { name: { type: "string" } });
  if (!values) return;
  const name = (values.name ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) throw new Error("Give the migration a name: npm run db:migrate:dev -- --name add_something");
  await withDatabaseUrl(async (url) => {
    await applyMigrations(url);
    const sql = await diffSchemaSinceLastMigration(url);
    if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) {
      console.log("No schema changes since the last migration.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(SCHEMA_PATH, path.join(dir, SNAPSHOT_FILE));
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
    const applied = await applyMigrations(url);
    console.log(`Created ${path.relative(process.cwd(), dir)} and applied ${applied.join(", ")}`);
  });
});
