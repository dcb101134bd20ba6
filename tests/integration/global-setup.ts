// Gives the integration suite a real, freshly migrated PostgreSQL: DATABASE_URL's server, or an embedded one.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrations";
import { recreateDatabase, siblingUrl } from "../support/test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url: string;
  let teardown = async () => {};
  if (process.env.DATABASE_URL) {
    url = siblingUrl(process.env.DATABASE_URL, "it");
    await recreateDatabase(process.env.DATABASE_URL, url);
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paper-digest-it-"));
    await chmod(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
    url = db.url;
    teardown = async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return teardown;
}
