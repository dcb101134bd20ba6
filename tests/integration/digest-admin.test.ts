// Admin-console helpers: a test digest and a preview touch no ledger rows; runs list newest first.
import { afterAll, beforeAll, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { listDigestRuns, previewNextDigest, sendTestDigest, triggerDigests } from "../../src/server/digest";
import { createSmtpMailer } from "../../src/server/mail/mailer";
import { seedPapers, seedSubscribers, startSmtpSink, testSettings, type TSmtpSink } from "./helpers/digest-fixtures";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const NOW = new Date("2026-11-27T07:00:00Z");
let smtp: TSmtpSink;

beforeAll(async () => {
  await resetDb(db);
  smtp = await startSmtpSink();
  await seedPapers(db, [
    { arxivId: "2611.00001", title: "Diffusion for proteins", listedOn: "2026-11-27", upvotes: 30 },
    { arxivId: "2611.00002", title: "Robot arms", categories: ["cs.RO"], listedOn: "2026-11-26", upvotes: 10 },
  ]);
});

afterAll(async () => {
  await smtp.stop();
  await db.$disconnect();
});

it("sendTestDigest mails the current top papers to any address without touching the ledger", async () => {
  const mailer = createSmtpMailer({ url: smtp.url, from: "digest@example.test" });
  const result = await sendTestDigest({ db, mailer, to: "editor@example.test", now: NOW, settings: testSettings() });
  await mailer.close();
  expect(result.papers).toBe(2);
  const mail = await simpleParser(smtp.raw[0]!);
  expect(mail.subject).toMatch(/^\[test\] Your daily papers · Fri 27 Nov 2026: Diffusion for proteins/);
  expect(await db.delivery.count()).toBe(0);
  expect(await db.sentPaper.count()).toBe(0);
});

it("previewNextDigest shows a subscriber's next papers; listDigestRuns lists runs newest first", async () => {
  const [id] = await seedSubscribers(db, [{ email: "robots@example.test", categories: ["cs.RO"] }]);
  const preview = await previewNextDigest({ db, subscriberId: id!, now: NOW, settings: testSettings() });
  expect(preview).toMatchObject({ email: "robots@example.test", period: "daily:2026-11-27" });
  expect(preview.mail?.titles).toEqual(["Robot arms"]);
  expect(await db.delivery.count()).toBe(0);

  const mailer = createSmtpMailer({ url: smtp.url, from: "digest@example.test" });
  await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer });
  await mailer.close();
  const runs = await listDigestRuns({ db, limit: 5 });
  expect(runs.map((r) => r.period)).toEqual(["weekly:2026-W48", "daily:2026-11-27"]);
  expect(runs[1]).toMatchObject({ status: "succeeded", due: 1, sent: 1 });
  expect((await previewNextDigest({ db, subscriberId: id!, now: NOW, settings: testSettings() })).mail).toBeNull();
});
