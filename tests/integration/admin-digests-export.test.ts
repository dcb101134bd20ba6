// Test digests over a real SMTP server, subscriber previews, the audited CSV export, and source health from stored runs.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { previewNextDigest, sendTestDigest } from "../../src/server/digest/preview-digest";
import { exportSubscribersCsv } from "../../src/server/admin/export-subscribers";
import { loadSourceHealth } from "../../src/server/admin/load-source-health";
import { hidePaper } from "../../src/server/admin/paper-admin";
import { ingestBody } from "./helpers/ingest";
import { createCaptureMailer, createSmtpMailer } from "../../src/server/mail/mailer";
import { countSubscribersByState, searchSubscribers } from "../../src/server/repo/admin-subscribers";
import { listAudit } from "../../src/server/repo/audit-log";
import { headerText, testSettings } from "./helpers/digest-fixtures";
import { visiblePapers } from "./helpers/feed";
import { resetDb, testDb } from "./helpers/db";
import { ROOT } from "./helpers/run-script";

const db = testDb();
const settings = testSettings({ appUrl: "http://localhost:3000", appSecret: "app-secret-0123456789abcdef" });
const hfBody = readFileSync(path.join(ROOT, "tests/fixtures/hf/api-daily-papers-2026-06-12.json"), "utf8");
const received: ParsedMail[] = [];
let smtp: SMTPServer;
let port: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => (received.push(m), done()), done);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => smtp.close(() => r())));
beforeEach(async () => {
  received.length = 0;
  await resetDb(db);
});

describe("send me a test digest", () => {
  it("mails a new subscriber's first digest over SMTP with the real headers, leaves hidden papers out, and is audited", async () => {
    const now = new Date("2026-06-12T18:00:00Z");
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    const [top] = await visiblePapers(db, 1);
    await hidePaper({ db, actor: "admin:token", id: top!.id, hidden: true, now });
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: "digest@example.org" });
    try {
      const sent = await sendTestDigest({ db, mailer, actor: "admin:token", to: "me@example.org", now, settings });
      expect(sent.papers).toBe(10);
    } finally {
      await mailer.close();
    }
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toMatch(/^\[test\] Your weekly papers/);
    expect((mail.to as { text: string }).text).toBe("me@example.org");
    expect(headerText(mail, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
    expect(headerText(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).not.toMatch(/^<digest\./);
    expect(mail.text).not.toContain(top!.title);
    const visible = (await visiblePapers(db)).map((p) => p.title);
    expect(visible.slice(0, 10).every((t) => mail.text!.includes(t))).toBe(true);
    expect(mail.html).toContain("http://localhost:3000/papers/");
    const [entry] = await listAudit({ db, action: "digest.test" });
    expect(entry!.params).toMatchObject({ to: "me@example.org", papers: 10 });
    expect(await db.delivery.count()).toBe(0);
  });

  it("to a subscriber's address it is that subscriber's next digest", async () => {
    const now = new Date("2026-06-12T18:00:00Z");
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    await db.subscriber.create({ data: { email: "reader@example.org", status: "confirmed", frequency: "daily", keywords: ["agent"] } });
    const preview = await previewNextDigest({ db, email: "reader@example.org", now, settings });
    await sendTestDigest({ db, mailer: createCaptureMailer({ db, from: "digest@example.org" }), actor: "a", to: "reader@example.org", now, settings });
    const [captured] = await db.capturedMail.findMany();
    expect(captured!.subject).toBe(`[test] ${preview.mail!.mail.subject}`);
    expect(captured!.text).toBe(preview.mail!.mail.text);
    expect(captured!.headers).toEqual(preview.mail!.mail.headers);
  });

  it("with no SMTP_URL the test digest is captured for the mail viewer", async () => {
    const now = new Date("2026-06-12T18:00:00Z");
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    await sendTestDigest({ db, mailer: createCaptureMailer({ db, from: "digest@example.org" }), actor: "admin:token", to: "me@example.org", now, settings });
    const captured = await db.capturedMail.findMany();
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({ to: "me@example.org" });
    expect(captured[0]!.subject).toMatch(/^\[test\] /);
  });

  it("with no papers it refuses clearly and sends nothing", async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: "digest@example.org" });
    const err = await sendTestDigest({ db, mailer, actor: "a", to: "me@example.org", now: new Date(), settings }).catch((e: unknown) => e);
    await mailer.close();
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(received).toHaveLength(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("preview a subscriber's next digest", () => {
  it("picks what the digest would: recent, matching, not sent before, not hidden", async () => {
    const now = new Date("2026-06-12T18:00:00Z");
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    const papers = await visiblePapers(db);
    const sub = await db.subscriber.create({ data: { email: "reader@example.org", status: "confirmed", frequency: "daily" } });
    await db.sentPaper.create({ data: { subscriberId: sub.id, paperId: papers[0]!.id, sentAt: now } });
    await hidePaper({ db, actor: "a", id: papers[1]!.id, hidden: true, now });
    const preview = await previewNextDigest({ db, email: "Reader@Example.org", now, settings });
    const ids = preview.mail!.items.map((i) => i.paper.id);
    expect(ids).toEqual(papers.slice(2, 12).map((p) => p.id));
    expect(preview.period).toBe("daily:2026-06-12");
    expect(preview.mail!.mail.html).toContain("/subscription/");
    expect(await db.capturedMail.count()).toBe(0);
  });

  it("an unknown address is a clear NOT_FOUND", async () => {
    await expect(previewNextDigest({ db, email: "nobody@example.org", now: new Date(), settings })).rejects.toMatchObject({
      code: "NOT_FOUND",
      userMessage: "No subscriber has the address nobody@example.org.",
    });
  });
});

describe("subscribers", () => {
  async function seedSubscribers() {
    const states = ["pending", "confirmed", "confirmed", "paused", "bouncing", "unsubscribed"] as const;
    for (const [i, status] of states.entries()) {
      await db.subscriber.create({ data: { email: `user${i}@example.org`, status, keywords: i === 1 ? ["diffusion", "=cmd"] : [] } });
    }
    await db.subscriber.create({ data: { email: '"quoted,comma"@example.org', status: "confirmed" } });
  }

  it("counts by state and searches by address", async () => {
    await seedSubscribers();
    expect(await countSubscribersByState({ db })).toEqual({ pending: 1, confirmed: 3, paused: 1, bouncing: 1, unsubscribed: 1 });
    expect((await searchSubscribers({ db, query: "USER3" })).map((s) => s.email)).toEqual(["user3@example.org"]);
    expect((await searchSubscribers({ db, status: "confirmed" })).length).toBe(3);
    // "Address contains" means the characters typed: % and _ are not wildcards that list everyone.
    for (const query of ["%", "_", "user_"])
      expect(
        (await searchSubscribers({ db, query })).map((s) => s.email),
        query,
      ).toEqual([]);
    expect((await searchSubscribers({ db, query: "quoted," })).map((s) => s.email)).toEqual(['"quoted,comma"@example.org']);
  });

  it("exports every subscriber as CSV across keyset batches, and audits the export", async () => {
    await seedSubscribers();
    const stream = await exportSubscribersCsv({ db, actor: "admin:token", now: new Date("2026-11-27T10:00:00Z"), batch: 2 });
    const csv = await new Response(stream).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,email,status,frequency,keywords,categories,only_with_code,min_upvotes,bounce_count,confirmed_at,last_digest_at,created_at");
    expect(lines).toHaveLength(8);
    expect(lines[2]).toMatch(/^2,user1@example.org,confirmed,daily,diffusion =cmd,,false,0,0,,,\d{4}-/);
    expect(lines[7]).toMatch(/^7,"""quoted,comma""@example.org",confirmed,/);
    const [entry] = await listAudit({ db });
    expect(entry).toMatchObject({ action: "subscribers.export", actor: "admin:token", params: { format: "csv" } });
  });
});

describe("source health from stored runs", () => {
  it("reports last success, newest day, found vs expected, error rate and a format warning", async () => {
    const now = new Date("2026-06-13T09:00:00Z");
    // The listing itself comes in as run 1, the day before the two runs below.
    await ingestBody({ db, source: "hf-daily", body: hfBody, now: new Date("2026-06-12T05:00:00Z") });
    const base = { source: "hf-daily", runKey: "hf-daily:x", trigger: "cron" };
    await db.ingestRun.create({
      data: {
        ...base,
        status: "succeeded",
        found: 50,
        expected: 50,
        createdAt: new Date("2026-06-12T06:00:00Z"),
        finishedAt: new Date("2026-06-12T06:01:00Z"),
      },
    });
    await db.ingestRun.create({
      data: {
        ...base,
        status: "failed",
        found: 0,
        expected: 48,
        reason: "format changed? found 0 papers where the source states 48",
        createdAt: new Date("2026-06-13T06:00:00Z"),
        finishedAt: new Date("2026-06-13T06:00:05Z"),
      },
    });
    const health = await loadSourceHealth({ db, configured: ["hf-daily", "arxiv-rss"], now });
    expect(health.map((h) => h.source)).toEqual(["hf-daily", "arxiv-rss"]);
    const hf = health[0]!;
    expect(hf.lastSuccess).toEqual({ runId: 2, at: new Date("2026-06-12T06:01:00Z") });
    expect(hf.newestListingDay).toBe("2026-06-12");
    expect(hf.lastRun).toEqual({ runId: 3, status: "failed", found: 0, expected: 48 });
    expect(hf.errorRate).toBeCloseTo(1 / 3, 10);
    expect(hf.warnings.map((w) => w.kind)).toEqual(["format"]);
    expect(health[1]!.warnings.map((w) => w.kind)).toEqual(["never"]);
  });
});
