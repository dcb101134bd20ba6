// The ingestion worker with a real pg-boss queue: a queued run is processed, a stranded run is swept, and INGEST_SCHEDULE triggers runs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";
import { createFetcher } from "../../src/server/fetch/fetch-url";
import { createPoliteness } from "../../src/server/fetch/host-politeness";
import { ingestBackgroundStarter } from "../../src/server/ingest/ingest-background";
import { enqueueWith } from "../../src/server/ingest/ingest-queue";
import { triggerIngest } from "../../src/server/ingest/trigger-ingest";
import { startQueue } from "../../src/server/jobs/queue";
import { getIngestRun, type TIngestRun } from "../../src/server/repo/ingest-runs";
import { startFixtureServer, type TFixtureServer } from "../support/fixture-server";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
let server: TFixtureServer;

const config = (extra: Record<string, string> = {}) =>
  loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-ingest-")),
    ADMIN_TOKEN: "a".repeat(20),
    CRON_SECRET: "c".repeat(20),
    APP_SECRET: "s".repeat(32),
    INGEST_SCHEDULE: "off",
    DIGEST_SCHEDULE: "off",
    ...extra,
  });

const starter = () =>
  ingestBackgroundStarter({
    fetcher: createFetcher({ userAgent: "paper-digest/test", allowLoopback: true, politeness: createPoliteness(), sleep: async () => {} }),
    baseUrls: { "hf-daily": server.url },
  });

async function waitForFinished(id: number): Promise<TIngestRun> {
  for (let i = 0; i < 240; i++) {
    const run = await getIngestRun({ db, id });
    if (run.status !== "queued" && run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

beforeAll(async () => {
  server = await startFixtureServer({ "/api/daily_papers": { file: "hf/api-daily-papers-2026-06-12.json", type: "application/json" } });
});
beforeEach(() => resetDb(db));
afterAll(async () => {
  await server.close();
  await db.$disconnect();
});

describe("ingestion worker", () => {
  it("processes a run queued through pg-boss", async () => {
    const background = await starter()({ config: config(), databaseUrl: testDatabaseUrl() });
    const sender = await startQueue({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const run = await triggerIngest({
        db,
        enqueue: enqueueWith(sender),
        source: "hf-daily",
        params: { date: "2026-06-12" },
        trigger: "admin",
        actor: "test",
      });
      expect(run.status).toBe("queued");
      const done = await waitForFinished(run.id);
      expect(done).toMatchObject({ status: "succeeded", counts: { found: 30, inserted: 30 } });
      expect(await db.paper.count()).toBe(30);
    } finally {
      await sender.stop({ graceful: false, wait: true });
      await background.stop();
    }
  });

  it("runs INGEST_SOURCES on the INGEST_SCHEDULE, one active run per source at a time", async () => {
    const background = await starter()({
      config: config({ INGEST_SCHEDULE: "* * * * * *", INGEST_SOURCES: "hf-daily" }),
      databaseUrl: testDatabaseUrl(),
    });
    try {
      let first: { id: number } | null = null;
      for (let i = 0; i < 120 && !first; i++) {
        first = await db.ingestRun.findFirst({ where: { trigger: "schedule" }, orderBy: { id: "asc" } });
        if (!first) await new Promise((r) => setTimeout(r, 250));
      }
      expect(first).not.toBeNull();
      expect(await waitForFinished(first!.id)).toMatchObject({ status: "succeeded", source: "hf-daily" });
    } finally {
      await background.stop();
    }
    expect(await db.ingestRun.count({ where: { status: { in: ["queued", "running"] } } })).toBeLessThanOrEqual(1);
  });

  it("picks up a queued run whose job was lost, and fails runs a dead worker left running", async () => {
    const past = new Date(Date.now() - 5 * 60_000);
    const stranded = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-06-12" }, trigger: "admin", actor: "test", now: past });
    const dead = await triggerIngest({ db, source: "hf-daily", params: { date: "2026-06-11" }, trigger: "admin", actor: "test", now: past });
    await db.ingestRun.update({ where: { id: dead.id }, data: { status: "running", startedAt: new Date(Date.now() - 3600_000) } });
    const background = await starter()({ config: config(), databaseUrl: testDatabaseUrl() });
    try {
      expect(await waitForFinished(stranded.id)).toMatchObject({ status: "succeeded", counts: { inserted: 30 } });
      expect(await waitForFinished(dead.id)).toMatchObject({ status: "failed", reason: expect.stringMatching(/abandoned/) });
    } finally {
      await background.stop();
    }
  });
});
