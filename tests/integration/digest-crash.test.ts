// Digest runs whose process died: the heartbeat and sweep that fail them, the rows they strand, and the audited release, with real processes killed by SIGKILL.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { todayUtc } from "../../src/core/periods";
import { releaseStrandedDigests } from "../../src/server/admin/stranded-deliveries";
import type { TConfig } from "../../src/server/config";
import { sweepDigestRuns } from "../../src/server/digest/digest-liveness";
import { digestSettingsFrom } from "../../src/server/digest/digest-settings";
import { CLAIM_BATCH } from "../../src/server/digest/process-delivery-ids";
import { triggerDigests } from "../../src/server/digest/trigger-digests";
import { createSmtpMailer } from "../../src/server/mail/mailer";
import { listAudit } from "../../src/server/repo/audit-log";
import { summarizeStrandedDeliveries } from "../../src/server/repo/deliveries";
import { createDigestRun, getDigestRun, setDigestRunDue } from "../../src/server/repo/digest-runs";
import { isAppError } from "../../src/server/errors/app-error";
import { TEST_APP_URL, TEST_SECRET, seedPapers, seedSubscribers, testSettings } from "./helpers/digest-fixtures";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { spawnScript, startWorker, type TProcess, type TWorker } from "./helpers/digest-workers";

const db = testDb();
const FROM = "paper-digest <digest@papers.example.org>";
const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";

let sinks: TSmtpSink[] = [];
const workers: TWorker[] = [];
const processes: TProcess[] = [];
const dataDirs: string[] = [];

async function sink() {
  const s = await startSmtpSink();
  sinks.push(s);
  return s;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Moves claims back in time, as if `minutes` had passed since: a dead process's rows only age. */
const ageClaims = (minutes: number) =>
  db.$executeRawUnsafe(`UPDATE deliveries SET "claimedAt" = "claimedAt" - interval '${minutes} minutes' WHERE status = 'sending'`);

function configFor(smtp: TSmtpSink): TConfig {
  return {
    DATABASE_URL: testDatabaseUrl(),
    SMTP_URL: smtp.url,
    MAIL_FROM: FROM,
    APP_URL: TEST_APP_URL,
    APP_SECRET: TEST_SECRET,
    BOUNCE_LIMIT: 3,
    MAIL_RATE: 10,
    MAIL_POOL_SIZE: 1,
  } as TConfig;
}

beforeEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const p of processes.splice(0)) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(sinks.map((s) => s.close()));
  sinks = [];
  await resetDb(db);
});

afterAll(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const p of processes.splice(0)) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(sinks.map((s) => s.close()));
  await Promise.all(dataDirs.map((d) => rm(d, { recursive: true, force: true })));
  await db.$disconnect();
});

describe("dead runs and stranded rows", () => {
  it("the next trigger fails a running run whose heartbeat stopped, leaves a live one, and closes a queued run only stranded rows held open", async () => {
    const [subscriber] = await seedSubscribers(db, [{ email: "a@example.test" }, { email: "b@example.test" }]);
    const dead = await createDigestRun({ db, period: "daily:2026-11-26", trigger: "cron" });
    const live = await createDigestRun({ db, period: "daily:2026-11-26", trigger: "cron" });
    await db.$executeRaw`UPDATE digest_runs SET "heartbeatAt" = "heartbeatAt" - interval '31 seconds' WHERE id = ${dead}`;
    const queued = await createDigestRun({ db, period: "weekly:2026-W47", trigger: "schedule" });
    await setDigestRunDue({ db, runId: queued, due: 1, status: "queued" });
    await db.delivery.create({ data: { subscriberId: subscriber!, period: "weekly:2026-W47", runId: queued, status: "sending", claimedAt: new Date() } });

    const smtp = await sink();
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    await triggerDigests({ db, now: new Date("2026-11-27T07:00:00Z"), trigger: "test", settings: testSettings(), mailer, frequencies: ["daily"] });
    expect(await getDigestRun({ db, runId: dead })).toMatchObject({ status: "failed", error: expect.stringMatching(/stopped without finishing/) });
    expect(await getDigestRun({ db, runId: live })).toMatchObject({ status: "running" });
    expect(await getDigestRun({ db, runId: queued })).toMatchObject({ status: "queued" });

    await ageClaims(6);
    expect(await sweepDigestRuns({ db })).toBe(1);
    await mailer.close();
    expect(await getDigestRun({ db, runId: queued })).toMatchObject({ status: "partial" });
    expect(await getDigestRun({ db, runId: live })).toMatchObject({ status: "running" });
  });

  it("a claimed row not handed to SMTP within sendWithinMs is given back for a retry, not sent", async () => {
    const smtp = await sink();
    await seedPapers(db, [{ arxivId: "2611.00001", title: "Paper", listedOn: "2026-11-27" }]);
    await seedSubscribers(db, [{ email: "first@example.test" }, { email: "second@example.test" }, { email: "third@example.test" }]);
    const smtpMailer = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 1 });
    const slowMailer = {
      ...smtpMailer,
      async send(mail: Parameters<typeof smtpMailer.send>[0]) {
        const sent = await smtpMailer.send(mail);
        await new Promise((r) => setTimeout(r, 400));
        return sent;
      },
    };
    const [run] = await triggerDigests({
      db,
      now: new Date("2026-11-27T07:00:00Z"),
      trigger: "test",
      settings: testSettings({ concurrency: 1, sendWindow: 1, sendWithinMs: 250 }),
      mailer: slowMailer,
      frequencies: ["daily"],
    });
    await smtpMailer.close();
    expect(run).toMatchObject({ due: 3, sent: 1, failed: 2, status: "partial" });
    expect(smtp.messages.map(recipient)).toEqual(["first@example.test"]);
    const failed = await db.delivery.findMany({ where: { status: "failed" } });
    expect(failed).toHaveLength(2);
    expect(failed.every((d) => d.nextAttemptAt !== null && /claimed too long ago/.test(d.lastError ?? ""))).toBe(true);
  });

  it("release moves only stranded rows: this period's back to pending and queued, a past period's closed; audited", async () => {
    const now = new Date();
    const today = `daily:${todayUtc(now)}`;
    const smtp = await sink();
    const ids = await seedSubscribers(
      db,
      Array.from({ length: 5 }, (_, i) => ({ email: `s${i}@example.test` })),
    );
    const row = (i: number, period: string, status: "pending" | "sending" | "sent") =>
      db.delivery.create({
        data: { subscriberId: ids[i]!, period, status, claimedAt: status === "pending" ? null : now, attempts: status === "pending" ? 0 : 1 },
      });
    const stranded = await row(0, today, "sending");
    const past = await row(1, "daily:2026-11-01", "sending");
    await ageClaims(6);
    const fresh = await row(2, today, "sending");
    const pending = await row(3, today, "pending");
    const sent = await row(4, today, "sent");
    await db.$executeRaw`UPDATE deliveries SET "claimedAt" = "claimedAt" - interval '6 minutes' WHERE id = ${sent.id}`;

    expect((await summarizeStrandedDeliveries({ db })).map((p) => [p.period, p.count])).toEqual([
      [today, 1],
      ["daily:2026-11-01", 1],
    ]);
    const result = await releaseStrandedDigests({ db, config: configFor(smtp), actor: "admin:token", now });
    expect(result).toMatchObject({ released: 1, closed: 1 });
    expect(result.runIds).toHaveLength(1);

    const status = async (id: number) => (await db.delivery.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(stranded.id)).toBe("pending");
    expect(await db.delivery.findUniqueOrThrow({ where: { id: past.id } })).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect([await status(fresh.id), await status(pending.id), await status(sent.id)]).toEqual(["sending", "pending", "sent"]);
    // Queued: the released row, the pending one, and a first delivery of today for s1, whose only row was of a past period.
    expect(await getDigestRun({ db, runId: result.runIds[0]! })).toMatchObject({ period: today, trigger: "admin", status: "queued", due: 3 });
    const [audit] = await listAudit({ db });
    expect(audit).toMatchObject({
      actor: "admin:token",
      action: "digest.release_stranded",
      params: { released: [stranded.id], closed: [past.id], periods: [today, "daily:2026-11-01"] },
    });

    const again = await releaseStrandedDigests({ db, config: configFor(smtp), actor: "admin:token", now }).catch((e: unknown) => e);
    expect(isAppError(again) && again.code).toBe("CONFLICT");
    expect(await listAudit({ db })).toHaveLength(1);
  });
});

describe("a digest process killed with SIGKILL mid-run", () => {
  it(
    "is failed by a worker's sweep; its stranded rows are released and sent once, and only unrecorded accepts are duplicated",
    { timeout: 240_000 },
    async () => {
      const smtp = await sink();
      const SUBSCRIBERS = 120;
      await seedPapers(
        db,
        Array.from({ length: 12 }, (_, i) => ({
          arxivId: `2611.${String(i).padStart(5, "0")}`,
          title: `Paper ${i}`,
          listedOn: todayUtc(new Date()),
          upvotes: i,
        })),
      );
      await seedSubscribers(
        db,
        Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `k${i}@example.test` })),
      );
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "digest-crash-"));
      dataDirs.push(dataDir);
      const env = {
        DATABASE_URL: testDatabaseUrl(),
        SMTP_URL: smtp.url,
        MAIL_FROM: FROM,
        APP_URL: TEST_APP_URL,
        APP_SECRET: TEST_SECRET,
        DATA_DIR: dataDir,
        MAIL_RATE: "10",
        MAIL_POOL_SIZE: "1",
        ADMIN_TOKEN: "crash-test-admin-token",
        CRON_SECRET: "crash-test-cron-secret",
      };

      const cli = spawnScript("digest", [], env);
      processes.push(cli);
      const sentRows = () => db.delivery.count({ where: { status: "sent" } });
      // Past the first heartbeat (a burst of 10, then 10 msg/s), and mid-batch, so some accepted digests are not yet recorded.
      await Promise.race([smtp.waitFor(72, 90_000), cli.exited.then(() => Promise.reject(new Error(`digest CLI exited early:\n${cli.output()}`)))]);
      cli.child.kill("SIGKILL");
      await cli.exited;
      await new Promise((r) => setTimeout(r, 500));
      const run = await db.digestRun.findFirstOrThrow({ where: { period: { startsWith: "daily:" } } });
      const runId = run.id;
      expect(run.status).toBe("running");
      expect(run.heartbeatAt.getTime() - run.startedAt.getTime()).toBeGreaterThanOrEqual(4_000);

      const recorded = await sentRows();
      const unrecorded = smtp.messages.length - recorded;
      // Outcomes are recorded once per claimed batch, so a crash leaves at most one batch per lane accepted but unrecorded.
      expect(unrecorded).toBeGreaterThanOrEqual(0);
      expect(unrecorded).toBeLessThanOrEqual(CLAIM_BATCH * digestSettingsFrom(configFor(smtp)).concurrency);
      const sending = await db.delivery.count({ where: { status: "sending" } });
      expect(sending).toBeGreaterThan(0);

      const worker = await startWorker(env);
      workers.push(worker);
      await waitFor("the sweep to fail the dead run", async () => (await getDigestRun({ db, runId }))?.status === "failed", 90_000);
      // The worker says so after its update commits, and its output crosses a pipe: on a loaded machine it arrives after the row changed.
      await waitFor("the worker to log the failed run", async () => worker.output().includes("digest run marked failed"), 10_000);
      expect(await summarizeStrandedDeliveries({ db })).toEqual([]);

      await ageClaims(6);
      const [stranded] = await summarizeStrandedDeliveries({ db });
      expect(stranded).toMatchObject({ count: sending });
      const release = await releaseStrandedDigests({ db, config: configFor(smtp), actor: "admin:token", now: new Date() });
      expect(release).toMatchObject({ released: sending, closed: 0 });

      await waitFor("every delivery to be sent", async () => (await sentRows()) === SUBSCRIBERS, 120_000);
      await smtp.waitFor(SUBSCRIBERS + unrecorded, 10_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(new Set(smtp.messages.map(recipient)).size).toBe(SUBSCRIBERS);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(SUBSCRIBERS);
      expect(smtp.messages.length - SUBSCRIBERS).toBe(unrecorded);
      expect(await worker.stop()).toBe(0);
    },
  );
});
