// Several instances started at once on one database: each start applies migrations. The schema engine's pool outlived it, holding
// the engine's advisory lock for its 10 s idle timeout, and the engine waits 10 s for that lock: the second `npm start` failed with
// "timed out". Migrations that run longer than 10 s (an index on a large table) must not fail the others either.
import { afterAll, expect, it } from "vitest";
import pg from "pg";
import { LOCK_KEYS } from "../../src/server/db/advisory-lock";
import { applyMigrations } from "../../src/server/db/migrations";
import { recreateDatabase, siblingUrl } from "../support/test-databases";
import { testDatabaseUrl } from "./helpers/db";

const url = siblingUrl(testDatabaseUrl(), "migrate_together");
/** The advisory lock Prisma's schema engine takes for a migration. */
const ENGINE_LOCK_KEY = 72707369;
afterAll(async () => {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

it("three starts migrating one fresh database at once all succeed, each migration applied once", { timeout: 120_000 }, async () => {
  await recreateDatabase(testDatabaseUrl(), url);
  const applied = await Promise.all([0, 1, 2].map(() => applyMigrations(url)));
  const names = applied.flat();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(names.length);
  expect(applied.filter((list) => list.length > 0)).toHaveLength(1);
  // Straight after, in the same process: the engine's lock went with its connections (this waited 10 s, then failed).
  const started = Date.now();
  expect(await applyMigrations(url)).toEqual([]);
  expect(Date.now() - started, "waited out a lock nobody held").toBeLessThan(9_000);
});

it("a start beside another's migration that runs past the engine's 10 s waits for it, and succeeds", { timeout: 120_000 }, async () => {
  await recreateDatabase(testDatabaseUrl(), url);
  await applyMigrations(url);
  // The other instance's migration, as it holds the locks: ours, and the engine's (Prisma's key) inside it.
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query("SELECT pg_advisory_lock($1), pg_advisory_lock($2)", [LOCK_KEYS.MIGRATE, ENGINE_LOCK_KEY]);
  const waited: string[] = [];
  const starting = applyMigrations(url, { onWait: () => waited.push("waiting") });
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  await other.end();
  expect(await starting).toEqual([]);
  expect(waited).toEqual(["waiting"]);
});
