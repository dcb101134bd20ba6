// Readiness: healthy on a migrated database, and a clear reason when migrations are pending or the database is down.
import { cpSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/server/db";
import { MIGRATIONS_DIR } from "../../src/server/db/migrations";
import { checkHealth } from "../../src/server/health/check-health";
import { testDb } from "./helpers/db";

const db = testDb();
afterAll(() => db.$disconnect());

describe("checkHealth", () => {
  it("is ok when every migration is applied", async () => {
    const health = await checkHealth({ db, migrationsDir: MIGRATIONS_DIR });
    expect(health).toMatchObject({ ok: true });
  });

  it("names the pending migration when the code is ahead of the database", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pd-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(path.join(dir, "29990101000000_future"));
      expect(await checkHealth({ db, migrationsDir: dir })).toEqual({ ok: false, reason: "pending migrations: 29990101000000_future" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports an unreachable database without throwing", async () => {
    const down = createDb("postgresql://nobody@127.0.0.1:1/none");
    try {
      const health = await checkHealth({ db: down, migrationsDir: MIGRATIONS_DIR });
      expect(health.ok).toBe(false);
      // Public: the driver's message (its address, "Invalid `prisma…` invocation") stays in the log.
      expect(health).toEqual({ ok: false, reason: "database unreachable or not migrated" });
    } finally {
      await down.$disconnect();
    }
  });
});
