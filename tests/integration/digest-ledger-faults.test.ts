// Digest delivery when PostgreSQL fails mid-run (real errors, injected with a test-only trigger or a broken query): no row is stranded by another's failure.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDigestBatch, paperCache, type TDeliveryContext } from "../../src/server/digest/deliver-digest";
import { createRateLimiter } from "../../src/server/digest/rate-limiter";
import { currentPeriodStart } from "../../src/core/digest";
import { createSendWindow } from "../../src/server/digest/send-window";
import { triggerDigests } from "../../src/server/digest/trigger-digests";
import { createSmtpMailer } from "../../src/server/mail/mailer";
import { createDeliveryBatch, listClaimableDeliveryIds } from "../../src/server/repo/deliveries";
import { createDigestRun } from "../../src/server/repo/digest-runs";
import type { Db } from "../../src/server/db";
import { seedPapers, seedSubscribers, testSettings, type TPaperSeed } from "./helpers/digest-fixtures";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const NOW = new Date("2026-11-27T07:00:00Z");
const PERIOD = "daily:2026-11-27";
const FROM = "paper-digest <digest@papers.example.org>";
const PAPERS: TPaperSeed[] = Array.from({ length: 12 }, (_, i) => ({
  arxivId: `2611.${String(i).padStart(5, "0")}`,
  title: `Paper ${i}`,
  listedOn: "2026-11-27",
  upvotes: i,
}));

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";

let sinks: TSmtpSink[] = [];
async function sink(opts: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(opts);
  sinks.push(s);
  return s;
}

/** A test-only trigger that makes every UPDATE of a delivery matching `when` raise, as a failing database would. Returns its removal. */
async function failDeliveryUpdates(db: Db, when: string): Promise<() => Promise<void>> {
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION test_fail_delivery_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure updating delivery %', OLD.id; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER test_fail_delivery_update BEFORE UPDATE ON deliveries FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION test_fail_delivery_update()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_delivery_update ON deliveries`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_fail_delivery_update()`);
  };
}

beforeEach(async () => {
  await resetDb(db);
  await Promise.all(sinks.map((s) => s.close()));
  sinks = [];
});

afterAll(async () => {
  await Promise.all(sinks.map((s) => s.close()));
  await db.$disconnect();
});

describe("a database error for one row of a batch", () => {
  it.each([
    { write: "its retry", status: "failed", deferred: true, sent: 9, failed: 1 },
    { write: "its sent record", status: "sent", deferred: false, sent: 10, failed: 0 },
  ])("when $write cannot be written, the other rows of the batch are still recorded as sent", async ({ status, deferred, sent, failed }) => {
    const smtp = await sink({ deferRecipients: (address) => deferred && address === "flaky@example.test" });
    await seedPapers(db, PAPERS);
    const others = Array.from({ length: 9 }, (_, i) => `reader${i}@example.test`);
    const [flaky, ...otherIds] = await seedSubscribers(db, [{ email: "flaky@example.test" }, ...others.map((email) => ({ email }))]);
    const restore = await failDeliveryUpdates(db, `OLD."subscriberId" = ${flaky} AND NEW.status = '${status}'`);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 2 });
    let runs;
    try {
      runs = await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings({ concurrency: 2, sendWindow: 4 }), mailer, frequencies: ["daily"] });
    } finally {
      await mailer.close();
      await restore();
    }

    expect(runs[0]).toMatchObject({ period: PERIOD, due: 10, sent, failed });
    const accepted = smtp.messages.map(recipient).sort();
    expect(accepted).toEqual(deferred ? others.sort() : ["flaky@example.test", ...others].sort());
    const rows = await db.delivery.findMany({ select: { subscriberId: true, status: true, sentAt: true } });
    expect(rows.filter((r) => r.subscriberId !== flaky).every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);
    expect(rows.find((r) => r.subscriberId === flaky)).toMatchObject({ status: "sending" });
    expect(await db.sentPaper.count({ where: { subscriberId: { in: otherIds } } })).toBe(9 * 10);
    // The run's clock: its start (NOW) plus the seconds it has taken when the batch is recorded.
    expect(await db.subscriber.count({ where: { id: { in: otherIds }, lastDigestAt: { gte: NOW, lt: new Date(NOW.getTime() + 60_000) } } })).toBe(9);
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: flaky! } })).toMatchObject({ lastDigestAt: null });
  });

  it("a failed candidate load is not cached: the next batch loads the papers again and sends", async () => {
    const smtp = await sink();
    await seedPapers(db, PAPERS);
    await seedSubscribers(
      db,
      Array.from({ length: 4 }, (_, i) => ({ email: `r${i}@example.test` })),
    );
    const runId = await createDigestRun({ db, period: PERIOD, trigger: "test" });
    await createDeliveryBatch({
      db,
      frequency: "daily",
      period: PERIOD,
      periodStart: currentPeriodStart("daily", NOW),
      runId,
      afterId: 0,
      limit: 10,
      now: NOW,
    });
    const ids = await listClaimableDeliveryIds({ db, period: PERIOD, afterId: 0, limit: 10, now: NOW });
    expect(ids).toHaveLength(4);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 1 });
    const ctx: TDeliveryContext = {
      db,
      mailer,
      settings: testSettings(),
      limiter: createRateLimiter(1_000),
      window: createSendWindow(2),
      papers: paperCache(db, NOW),
    };
    try {
      // A real query error: the candidate load reads a column that is briefly gone.
      await db.$executeRawUnsafe(`ALTER TABLE papers RENAME COLUMN "trendingScore" TO "trendingScoreAway"`);
      let first;
      try {
        first = await deliverDigestBatch(ctx, ids.slice(0, 2), () => NOW);
      } finally {
        await db.$executeRawUnsafe(`ALTER TABLE papers RENAME COLUMN "trendingScoreAway" TO "trendingScore"`);
      }
      expect(first.map((o) => o.kind)).toEqual(["failed", "failed"]);
      const second = await deliverDigestBatch(ctx, ids.slice(2), () => NOW);
      expect(second.map((o) => o.kind)).toEqual(["sent", "sent"]);
    } finally {
      await mailer.close();
    }
    expect(smtp.messages.map(recipient).sort()).toEqual(["r2@example.test", "r3@example.test"]);
    const rows = await db.delivery.findMany({ orderBy: { id: "asc" }, select: { status: true, attempts: true, nextAttemptAt: true } });
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "sent", "sent"]);
    expect(rows.slice(0, 2).every((r) => r.attempts === 1 && r.nextAttemptAt !== null)).toBe(true);
  });
});
