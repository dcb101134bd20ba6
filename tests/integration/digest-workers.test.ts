// Two `npm run worker` processes on one database share the queued delivery jobs and send no duplicates.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queueEnqueuer } from "../../src/server/digest/digest-queue";
import { runDigest } from "../../src/server/digest/run-digest";
import { startQueue } from "../../src/server/jobs/queue";
import { todayUtc } from "../../src/core/periods";
import { getDigestRun } from "../../src/server/repo/digest-runs";
import { TEST_APP_URL, TEST_SECRET, seedPapers, seedSubscribers, startSmtpSink, testSettings, type TSmtpSink } from "./helpers/digest-fixtures";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { startWorker, type TWorker } from "./helpers/digest-workers";

const db = testDb();
const SUBSCRIBERS = 300;
let smtp: TSmtpSink;
let dataDir: string;
const workers: TWorker[] = [];

beforeAll(async () => {
  await resetDb(db);
  smtp = await startSmtpSink();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "digest-workers-"));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await smtp.stop();
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the workers");
    await new Promise((r) => setTimeout(r, 250));
  }
}

it("two worker processes deliver every queued digest exactly once", { timeout: 240_000 }, async () => {
  const now = new Date();
  const today = todayUtc(now);
  await seedPapers(
    db,
    Array.from({ length: 20 }, (_, i) => ({ arxivId: `2611.${String(i).padStart(5, "0")}`, title: `Paper ${i}`, listedOn: today, upvotes: i })),
  );
  await seedSubscribers(
    db,
    Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `w${i}@example.test` })),
  );

  const boss = await startQueue({ connectionString: testDatabaseUrl(), max: 2 });
  const env = {
    DATABASE_URL: testDatabaseUrl(),
    SMTP_URL: smtp.url,
    APP_URL: TEST_APP_URL,
    APP_SECRET: TEST_SECRET,
    DATA_DIR: dataDir,
    MAIL_RATE: "2000",
    MAIL_POOL_SIZE: "2",
    ADMIN_TOKEN: "worker-test-admin-token",
    CRON_SECRET: "worker-test-cron-secret",
  };
  workers.push(...(await Promise.all([startWorker(env), startWorker(env)])));

  const run = await runDigest({ db, frequency: "daily", now, trigger: "test", settings: testSettings(), enqueue: queueEnqueuer(boss) });
  expect(run).toMatchObject({ status: "queued", due: SUBSCRIBERS });
  await waitFor(async () => (await db.delivery.count({ where: { status: "sent" } })) === SUBSCRIBERS, 180_000);
  await waitFor(async () => (await getDigestRun({ db, runId: run.id }))?.status === "succeeded", 30_000);
  await boss.stop({ graceful: false, wait: true });

  expect(await getDigestRun({ db, runId: run.id })).toMatchObject({ sent: SUBSCRIBERS, failed: 0 });
  expect(smtp.raw).toHaveLength(SUBSCRIBERS);
  const recipients = (await smtp.parsed()).map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address);
  expect(new Set(recipients).size).toBe(SUBSCRIBERS);
  expect(await db.delivery.count({ where: { status: { not: "sent" } } })).toBe(0);
  const codes = await Promise.all(workers.splice(0).map((w) => w.stop()));
  expect(codes).toEqual([0, 0]);
});
