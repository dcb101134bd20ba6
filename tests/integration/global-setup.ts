// Gives the integration suite a real, freshly migrated PostgreSQL: DATABASE_URL's server, or an embedded one, with a database per worker.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrations";
import { dropWithSiblings, recreateDatabase, siblingUrl } from "../support/test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** Worker n's database (vitest's VITEST_POOL_ID) is the n-th: helpers/db.ts's testDatabaseUrl(). */
    databaseUrls: string[];
    /** The run's temporary directory, every test file's TMPDIR (run-temp-dir.ts). */
    tempDir: string;
  }
}

export default async function setup(project: TestProject) {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "pd-it-run-"));
  // Readable by others as the system's own is: an embedded PostgreSQL run as root starts as another user, who reads files under it.
  await chmod(tempDir, 0o755);
  project.provide("tempDir", tempDir);
  try {
    return await prepareDatabases(project, tempDir);
  } catch (err) {
    // Teardown runs only after a setup that returned it: a failed one removes its directory here.
    await removeTempDir(tempDir);
    throw err;
  }
}

async function removeTempDir(tempDir: string): Promise<void> {
  // A process a test left behind may still be writing there: the run's result is the tests', not this cleanup's.
  await rm(tempDir, { recursive: true, force: true, maxRetries: 5 }).catch((err: unknown) => console.warn(`could not remove ${tempDir}: ${String(err)}`));
}

async function prepareDatabases(project: TestProject, tempDir: string): Promise<() => Promise<void>> {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    // Under the run's own directory, so a server that fails to start leaves nothing behind either.
    const dir = await mkdtemp(path.join(tempDir, "paper-digest-it-"));
    await chmod(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
    adminUrl = db.url;
    stopServer = () => db.stop();
  }
  // Migrated once (1.6 s here), then copied for each worker (0.1 s each): two files running at once never meet in a table, a lock, a
  // sequence or the pgboss schema that resetDb drops.
  const template = siblingUrl(adminUrl, "it");
  try {
    await recreateDatabase(adminUrl, template);
    await applyMigrations(template);
    const urls = Array.from({ length: project.config.maxWorkers }, (_, i) => siblingUrl(template, `w${i + 1}`));
    for (const url of urls) await recreateDatabase(adminUrl, url, { template });
    project.provide("databaseUrls", urls);
  } catch (err) {
    // An embedded server started above would otherwise outlive the run; the setup's own error is the one to report.
    await stopServer().catch((stopErr: unknown) => console.warn(`could not stop the embedded PostgreSQL: ${String(stopErr)}`));
    throw err;
  }
  return async () => {
    // Nothing is kept, since each run makes these afresh; that includes what tests made beside their worker's database (start.test.ts
    // leaves its two_starts one), which would otherwise stay on the server, one per worker.
    try {
      await dropWithSiblings(adminUrl, template);
    } finally {
      try {
        await stopServer();
      } finally {
        await removeTempDir(tempDir);
      }
    }
  };
}
