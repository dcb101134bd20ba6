// Previews are the real digest run without sending: the admin's preview equals what the next run sends, headers included, and touches no ledger row.
import { afterAll, beforeAll, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { previewNextDigest } from "../../src/server/digest/preview-digest";
import { triggerDigests } from "../../src/server/digest/trigger-digests";
import { createSmtpMailer } from "../../src/server/mail/mailer";
import { listDigestRuns } from "../../src/server/repo/digest-runs";
import { headerText, seedPapers, seedSubscribers, startSmtpSink, testSettings, type TSmtpSink } from "./helpers/digest-fixtures";
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
    { arxivId: "2611.00003", title: "Robot hands", categories: ["cs.RO"], listedOn: "2026-11-25", upvotes: 90 },
    { arxivId: "2611.00004", title: "Robot legs", categories: ["cs.RO"], listedOn: "2026-11-20", upvotes: 500 },
  ]);
});

afterAll(async () => {
  await smtp.stop();
  await db.$disconnect();
});

it("a preview that would send nothing says why: no papers listed in its period, or none that suit the subscriber", async () => {
  await seedSubscribers(db, [{ email: "vision@example.test", categories: ["cs.CV"], frequency: "weekly" }]);
  const unsuited = await previewNextDigest({ db, email: "vision@example.test", now: NOW, settings: testSettings() });
  expect(unsuited.mail).toBeNull();
  expect(unsuited.skipped).toMatch(/^None of the 4 papers listed in the period it covers is new to this subscriber and suits their interests/);
  // Months later, with nothing ingested since: the papers are missing, not the subscriber's match.
  const later = await previewNextDigest({ db, email: "vision@example.test", now: new Date("2027-02-01T07:00:00Z"), settings: testSettings() });
  expect(later.skipped).toBe(
    "No papers have been listed in the period it covers (the newest listing is from 2026-11-27), so no digest would be sent: ingest a listing first.",
  );
  await db.subscriber.deleteMany({ where: { email: "vision@example.test" } });
});

it("the preview is the mail the next run sends: same papers, subject, bodies, headers and Message-ID; then nothing is left to preview", async () => {
  const [id] = await seedSubscribers(db, [{ email: "robots@example.test", categories: ["cs.RO"], frequency: "weekly" }]);
  // Sent three weeks ago: outside the lookback window, so the real run may send it again (for a paper listed again).
  await db.sentPaper.create({
    data: { subscriberId: id!, paperId: (await db.paper.findUniqueOrThrow({ where: { arxivId: "2611.00003" } })).id, sentAt: new Date("2026-10-20T07:00:00Z") },
  });
  const preview = await previewNextDigest({ db, email: "robots@example.test", now: NOW, settings: testSettings() });
  expect(preview).toMatchObject({ email: "robots@example.test", period: "weekly:2026-W48", status: "confirmed" });
  expect(preview.mail!.items.map((i) => i.paper.title)).toEqual(["Robot hands", "Robot arms", "Robot legs"]);
  expect(await db.delivery.count()).toBe(0);

  const mailer = createSmtpMailer({ url: smtp.url, from: "digest@example.test" });
  await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer });
  await mailer.close();
  const [sent] = await Promise.all(smtp.raw.map((m) => simpleParser(m)));
  expect(sent!.subject).toBe(preview.mail!.mail.subject);
  expect(sent!.text).toBe(preview.mail!.mail.text);
  expect(sent!.html).toBe(preview.mail!.mail.html);
  expect(sent!.messageId).toBe(preview.mail!.mail.messageId);
  for (const [name, value] of Object.entries(preview.mail!.mail.headers ?? {})) expect(headerText(sent!, name)).toBe(value);
  const delivery = await db.delivery.findFirstOrThrow({ where: { subscriberId: id! } });
  expect(delivery.paperIds).toEqual(preview.mail!.paperIds);

  const runs = await listDigestRuns({ db, limit: 5 });
  expect(runs.map((r) => r.period)).toEqual(["weekly:2026-W48", "daily:2026-11-27"]);
  expect(runs[0]).toMatchObject({ status: "succeeded", due: 1, sent: 1 });
  const after = await previewNextDigest({ db, email: "robots@example.test", now: NOW, settings: testSettings() });
  expect(after.mail).toBeNull();
  expect(after.skipped).toMatch(/^This subscriber's digest for weekly:2026-W48 was sent at 2026-11-27 07:00 UTC; no run sends another/);
});

it("a period whose digest was sent is not previewed again, even with papers left that would suit the subscriber", async () => {
  // More suitable papers than one digest holds: after the run some remain, and the preview showed them as a next digest that no run
  // would send, with the Message-ID already delivered.
  await seedPapers(
    db,
    Array.from({ length: 14 }, (_, i) => ({
      arxivId: `2611.${String(100 + i).padStart(5, "0")}`,
      title: `Agents paper ${i}`,
      categories: ["cs.MA"],
      listedOn: "2026-11-26",
      upvotes: i,
    })),
  );
  await seedSubscribers(db, [{ email: "agents@example.test", categories: ["cs.MA"], frequency: "weekly" }]);
  expect((await previewNextDigest({ db, email: "agents@example.test", now: NOW, settings: testSettings() })).mail?.paperIds.length).toBeGreaterThan(0);
  const mailer = createSmtpMailer({ url: smtp.url, from: "digest@example.test" });
  await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer });
  await mailer.close();
  const after = await previewNextDigest({ db, email: "agents@example.test", now: NOW, settings: testSettings() });
  expect([after.mail, after.period]).toEqual([null, "weekly:2026-W48"]);
  expect(after.skipped).toMatch(/^This subscriber's digest for weekly:2026-W48 was sent at /);
});
