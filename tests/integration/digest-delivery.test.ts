// Digest delivery against real PostgreSQL and a real SMTP server: exactly once per subscriber and period, retries, bounces, skips.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { digestMessageId } from "../../src/server/digest/digest-message-id";
import { triggerDigests } from "../../src/server/digest/trigger-digests";
import { createSmtpMailer } from "../../src/server/mail/mailer";
import { claimDeliveries } from "../../src/server/repo/deliveries";
import { setSubscriberStatus } from "../../src/server/repo/subscribers";
import { verifySubscriberToken } from "../../src/server/subscriptions/subscription-links";
import {
  TEST_APP_URL,
  TEST_SECRET,
  headerText,
  hrefs,
  seedPapers,
  seedSubscribers,
  startSmtpSink,
  testSettings,
  type TPaperSeed,
  type TSmtpSink,
} from "./helpers/digest-fixtures";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const NOW = new Date("2026-11-27T07:00:00Z");
const FROM = "paper-digest <digest@papers.example.org>";
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function paperSet(day: string, prefix: string): TPaperSeed[] {
  const out: TPaperSeed[] = [];
  for (let i = 0; i < 12; i++)
    out.push({ arxivId: `${prefix}1.${String(i).padStart(5, "0")}`, title: `Diffusion model study ${prefix}-${i}`, listedOn: day, upvotes: 5 + i });
  for (let i = 0; i < 12; i++)
    out.push({
      arxivId: `${prefix}2.${String(i).padStart(5, "0")}`,
      title: `Robot grasping trial ${prefix}-${i}`,
      categories: ["cs.RO"],
      listedOn: day,
      upvotes: 5 + i,
    });
  for (let i = 0; i < 6; i++)
    out.push({ arxivId: `${prefix}3.${String(i).padStart(5, "0")}`, title: `Generic learning note ${prefix}-${i}`, listedOn: day, upvotes: 50 + i });
  return out;
}

const paperLinks = (mail: ParsedMail) => hrefs(String(mail.html)).filter((h) => h.startsWith(`${TEST_APP_URL}/papers/`));
const uniquePaperIds = (mail: ParsedMail) => [...new Set(paperLinks(mail).map((h) => decodeURIComponent(new URL(h).pathname.slice("/papers/".length))))];
const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";

function countBy<T>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const item of items) m.set(item, (m.get(item) ?? 0) + 1);
  return m;
}

let sinks: TSmtpSink[] = [];
async function sink(opts: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(opts);
  sinks.push(s);
  return s;
}

beforeEach(async () => {
  await resetDb(db);
  await Promise.all(sinks.map((s) => s.stop()));
  sinks = [];
});

afterAll(async () => {
  await Promise.all(sinks.map((s) => s.stop()));
  await db.$disconnect();
});

describe("digest delivery", () => {
  it("two concurrent triggers send exactly one correct digest to each of 1,000 subscribers", { timeout: 600_000 }, async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    const ids = await seedSubscribers(
      db,
      Array.from({ length: 1000 }, (_, i) => ({
        email: `reader${i}@example.test`,
        ...(i % 3 === 0 ? { keywords: ["diffusion"] } : i % 3 === 1 ? { categories: ["cs.RO"] } : {}),
      })),
    );
    const settings = testSettings();
    const mailerA = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 5 });
    const mailerB = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 5 });
    const [runsA, runsB] = await Promise.all([
      triggerDigests({ db, now: NOW, trigger: "test-a", settings, mailer: mailerA }),
      triggerDigests({ db, now: NOW, trigger: "test-b", settings, mailer: mailerB }),
    ]);
    await Promise.all([mailerA.close(), mailerB.close()]);

    const mails = await smtp.parsed();
    expect(mails).toHaveLength(1000);
    expect([...countBy(mails.map(recipient)).values()].every((n) => n === 1)).toBe(true);
    const dailyA = runsA.find((r) => r.period === "daily:2026-11-27")!;
    const dailyB = runsB.find((r) => r.period === "daily:2026-11-27")!;
    expect(dailyA.sent + dailyB.sent).toBe(1000);
    expect([dailyA.status, dailyB.status]).toEqual(["succeeded", "succeeded"]);
    expect(await db.delivery.count({ where: { status: "sent" } })).toBe(1000);
    expect(await db.sentPaper.count()).toBe(10_000);

    const idByEmail = new Map(ids.map((id, i) => [`reader${i}@example.test`, id]));
    for (const mail of mails) {
      const email = recipient(mail);
      const index = Number(/reader(\d+)@/.exec(email)![1]);
      const subscriberId = idByEmail.get(email)!;
      const papers = uniquePaperIds(mail);
      expect(papers).toHaveLength(10);
      if (index % 3 === 0) expect(papers.every((p) => p.startsWith("26111."))).toBe(true);
      if (index % 3 === 1) expect(papers.every((p) => p.startsWith("26112."))).toBe(true);
      expect(mail.subject).toMatch(/^Your daily papers · Fri 27 Nov 2026: /);
      expect(mail.text).toContain(`${TEST_APP_URL}/papers/`);
      expect(mail.messageId).toBe(digestMessageId({ period: "daily:2026-11-27", subscriberId, appUrl: TEST_APP_URL }));
      expect(headerText(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const unsubscribe = /<([^>]+\/api\/unsubscribe\?token=[^>]+)>/.exec(headerText(mail, "List-Unsubscribe"))![1]!;
      const token = new URL(unsubscribe).searchParams.get("token")!;
      expect(verifySubscriberToken({ secret: TEST_SECRET, purpose: "unsubscribe", token, now: NOW })).toMatchObject({ ok: true, subscriberId });
      const manage = hrefs(String(mail.html)).find((h) => h.startsWith(`${TEST_APP_URL}/subscription/`))!;
      const manageToken = manage.slice(`${TEST_APP_URL}/subscription/`.length);
      expect(verifySubscriberToken({ secret: TEST_SECRET, purpose: "manage", token: manageToken, now: NOW })).toMatchObject({ ok: true, subscriberId });
      // Paper links sign the reader in on arrival; each paper has its two feedback links, signed for this subscriber.
      const reader = new URL(paperLinks(mail)[0]!).searchParams.get("r")!;
      expect(verifySubscriberToken({ secret: TEST_SECRET, purpose: "reader", token: reader, now: NOW })).toEqual({ ok: true, subscriberId, generation: 0 });
      const feedback = hrefs(String(mail.html)).filter((h) => h.startsWith(`${TEST_APP_URL}/feedback/`));
      expect(feedback).toHaveLength(20);
      const feedbackToken = new URL(feedback[0]!).pathname.slice("/feedback/".length);
      expect(verifySubscriberToken({ secret: TEST_SECRET, purpose: "feedback", token: feedbackToken, now: NOW })).toMatchObject({ ok: true, subscriberId });
      expect(String(mail.text).match(/More like this: /g)).toHaveLength(10);
      expect(hrefs(String(mail.html)).every((h) => h.startsWith(TEST_APP_URL) || h.startsWith("https://arxiv.org/abs/"))).toBe(true);
    }

    const again = await triggerDigests({ db, now: minutes(30), trigger: "test-c", settings, mailer: createSmtpMailer({ url: smtp.url, from: FROM }) });
    expect(again.map((r) => r.due)).toEqual([0, 0]);
    expect(smtp.raw).toHaveLength(1000);
  });

  it("records each digest's send time as it is accepted, not the run's start, however long a rate-limited run takes", { timeout: 60_000 }, async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    await seedSubscribers(
      db,
      Array.from({ length: 40 }, (_, i) => ({ email: `paced${i}@example.test`, frequency: "daily" as const })),
    );
    // 10 a second after a burst of 10, one lane of batches of 16: the run takes about three seconds past its start.
    const settings = testSettings({ mailRate: 10, concurrency: 1, sendWindow: 1 });
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    const started = Date.now();
    const [run] = await triggerDigests({ db, now: NOW, trigger: "test", settings, mailer, frequencies: ["daily"] });
    const took = Date.now() - started;
    await mailer.close();
    expect(run).toMatchObject({ sent: 40, failed: 0 });
    const sentAt = (await db.delivery.findMany({ where: { status: "sent" }, orderBy: { sentAt: "asc" } })).map((d) => d.sentAt!.getTime() - NOW.getTime());
    expect(sentAt).toHaveLength(40);
    // On the run's own clock (it began at NOW): no digest before its start or after its end, and the last batch well after the first.
    expect(sentAt[0]).toBeGreaterThanOrEqual(0);
    expect(sentAt.at(-1)).toBeLessThanOrEqual(took);
    expect(sentAt.at(-1)! - sentAt[0]!).toBeGreaterThanOrEqual(1_000);
  });

  it("retries after the SMTP server was down for the first part of a run: every subscriber ends with exactly one mail", { timeout: 180_000 }, async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    await seedSubscribers(
      db,
      Array.from({ length: 60 }, (_, i) => ({ email: `r${i}@example.test` })),
    );
    smtp.down.value = true;
    const settings = testSettings({ concurrency: 2 });
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 1 });
    const stopDowntime = setInterval(() => {
      if (smtp.down.refused >= 10) smtp.down.value = false;
    }, 5);
    const [first] = await triggerDigests({ db, now: NOW, trigger: "test", settings, mailer, frequencies: ["daily"] });
    clearInterval(stopDowntime);
    expect(first!.status).toBe("partial");
    expect(first!.failed).toBeGreaterThan(0);
    expect(first!.sent).toBe(60 - first!.failed);
    const failed = await db.delivery.findMany({ where: { status: "failed" } });
    expect(failed.every((d) => d.nextAttemptAt !== null && d.lastError)).toBe(true);

    const tooEarly = await triggerDigests({ db, now: minutes(0.5), trigger: "test", settings, mailer, frequencies: ["daily"] });
    expect(tooEarly[0]!.due).toBe(0);

    const [retry] = await triggerDigests({ db, now: minutes(2), trigger: "test", settings, mailer, frequencies: ["daily"] });
    await mailer.close();
    expect(retry!).toMatchObject({ status: "succeeded", due: first!.failed, sent: first!.failed, retried: first!.failed });
    const mails = await smtp.parsed();
    expect(mails).toHaveLength(60);
    expect(new Set(mails.map(recipient)).size).toBe(60);
  });

  it("never resends a delivery left 'sending' by a crash between SMTP accept and the ledger update (at most once)", async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    const [crashed, other] = await seedSubscribers(db, [{ email: "crashed@example.test" }, { email: "other@example.test" }]);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer, frequencies: ["daily"] });
    expect(smtp.raw).toHaveLength(2);

    await seedPapers(db, paperSet("2026-11-28", "2612"));
    const day2 = new Date("2026-11-28T07:00:00Z");
    await db.delivery.create({ data: { subscriberId: crashed!, period: "daily:2026-11-28", status: "pending" } });
    const delivery = await db.delivery.findFirstOrThrow({ where: { subscriberId: crashed!, period: "daily:2026-11-28" } });
    expect(await claimDeliveries({ db, deliveryIds: [delivery.id], now: day2, sentSince: NOW })).toHaveLength(1);

    await triggerDigests({ db, now: new Date(day2.getTime() + 3 * 3_600_000), trigger: "test", settings: testSettings(), mailer, frequencies: ["daily"] });
    await mailer.close();
    const mails = await smtp.parsed();
    expect(mails.slice(2).map(recipient)).toEqual(["other@example.test"]);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "sending", attempts: 1 });
    expect(await db.delivery.findFirstOrThrow({ where: { subscriberId: other!, period: "daily:2026-11-28" } })).toMatchObject({ status: "sent" });
  });

  it("sends nothing in the next period to a subscriber who unsubscribed in between", async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    const [stays, leaves] = await seedSubscribers(db, [{ email: "stays@example.test" }, { email: "leaves@example.test" }]);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer, frequencies: ["daily"] });
    expect((await smtp.parsed()).map(recipient).sort()).toEqual(["leaves@example.test", "stays@example.test"]);

    expect(await setSubscriberStatus({ db, id: leaves!, status: "unsubscribed", from: ["confirmed"], now: minutes(60) })).toBe(true);
    await seedPapers(db, paperSet("2026-11-28", "2612"));
    const [run] = await triggerDigests({
      db,
      now: new Date("2026-11-28T07:00:00Z"),
      trigger: "test",
      settings: testSettings(),
      mailer,
      frequencies: ["daily"],
    });
    await mailer.close();
    expect(run).toMatchObject({ due: 1, sent: 1 });
    const mails = await smtp.parsed();
    expect(mails.slice(2).map(recipient)).toEqual(["stays@example.test"]);
    expect(await db.delivery.count({ where: { subscriberId: leaves!, period: "daily:2026-11-28" } })).toBe(0);
    expect(await db.delivery.count({ where: { subscriberId: stays!, status: "sent" } })).toBe(2);
  });

  it("records a skip and sends nothing when no new paper matches, and never repeats a paper", async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    const [nothing, diffusion] = await seedSubscribers(db, [
      { email: "nothing@example.test", keywords: ["quantum gravity"] },
      { email: "diffusion@example.test", keywords: ["diffusion"] },
    ]);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    const [run] = await triggerDigests({ db, now: NOW, trigger: "test", settings: testSettings(), mailer, frequencies: ["daily"] });
    expect(run).toMatchObject({ due: 2, sent: 1, skipped: 1, status: "succeeded" });
    expect(await db.delivery.findFirstOrThrow({ where: { subscriberId: nothing! } })).toMatchObject({ status: "skipped", lastError: "nothing new matched" });
    const first = uniquePaperIds((await smtp.parsed())[0]!);
    expect(first).toHaveLength(10);

    const [next] = await triggerDigests({
      db,
      now: new Date("2026-11-28T07:00:00Z"),
      trigger: "test",
      settings: testSettings(),
      mailer,
      frequencies: ["daily"],
    });
    await mailer.close();
    expect(next).toMatchObject({ due: 2, sent: 1, skipped: 1 });
    const second = uniquePaperIds((await smtp.parsed())[1]!);
    expect(second.sort()).toEqual(["26111.00000", "26111.00001"]);
    // Saturday's digest holds only Friday's papers, and says so.
    expect((await smtp.parsed())[1]!.subject).toMatch(/^Your daily papers · Fri 27 Nov 2026: /);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(await db.sentPaper.count({ where: { subscriberId: diffusion! } })).toBe(12);
  });

  it("names the listing days of the papers a weekly holds, across a month's end, in the subject and both parts", async () => {
    const smtp = await sink();
    await seedPapers(db, [
      { arxivId: "2611.01000", title: "Monday paper", listedOn: "2026-11-30", upvotes: 9 },
      { arxivId: "2612.01000", title: "Sunday paper", listedOn: "2026-12-06", upvotes: 8 },
    ]);
    await seedSubscribers(db, [{ email: "weekly@example.test", frequency: "weekly" }]);
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    const [run] = await triggerDigests({
      db,
      now: new Date("2026-12-07T07:00:00Z"),
      trigger: "test",
      settings: testSettings(),
      mailer,
      frequencies: ["weekly"],
    });
    await mailer.close();
    expect(run).toMatchObject({ period: "weekly:2026-W50", sent: 1 });
    const [mail] = await smtp.parsed();
    expect(mail!.subject).toMatch(/^Your weekly papers · 30 Nov – 6 Dec 2026: /);
    expect(String(mail!.html)).toContain("30 Nov – 6 Dec 2026 &middot; 2 new papers for you");
    expect(mail!.text).toMatch(/^Your weekly papers · 30 Nov – 6 Dec 2026\n/);
  });

  it("marks a subscriber bouncing after BOUNCE_LIMIT permanent rejections and then stops mailing them", async () => {
    const smtp = await sink({ rejectRcpt: (address) => address === "gone@example.test" });
    await seedPapers(db, [...paperSet("2026-11-27", "2611"), ...paperSet("2026-11-28", "2612"), ...paperSet("2026-11-29", "2613")]);
    const [gone] = await seedSubscribers(db, [{ email: "gone@example.test" }, { email: "fine@example.test" }]);
    const settings = testSettings({ bounceLimit: 2 });
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    const day = (d: number) => new Date(`2026-11-${d}T07:00:00Z`);

    const [r1] = await triggerDigests({ db, now: day(27), trigger: "test", settings, mailer, frequencies: ["daily"] });
    expect(r1).toMatchObject({ sent: 1, failed: 1, status: "succeeded" });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: gone! } })).toMatchObject({ status: "confirmed", bounceCount: 1 });
    const bounced = await db.delivery.findFirstOrThrow({ where: { subscriberId: gone! } });
    expect(bounced).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(bounced.lastError).toMatch(/Mailbox does not exist/);

    const [retry] = await triggerDigests({ db, now: new Date(day(27).getTime() + 3_600_000), trigger: "test", settings, mailer, frequencies: ["daily"] });
    expect(retry!.due).toBe(0);

    await triggerDigests({ db, now: day(28), trigger: "test", settings, mailer, frequencies: ["daily"] });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: gone! } })).toMatchObject({ status: "bouncing", bounceCount: 2 });

    const [r3] = await triggerDigests({ db, now: day(29), trigger: "test", settings, mailer, frequencies: ["daily"] });
    await mailer.close();
    expect(r3).toMatchObject({ due: 1, sent: 1 });
    expect(await db.delivery.count({ where: { subscriberId: gone! } })).toBe(2);
    expect((await smtp.parsed()).map(recipient)).toEqual(["fine@example.test", "fine@example.test", "fine@example.test"]);
  });
  it("holds no more than sendWindow digests between building and SMTP acceptance, however many rows are claimed", async () => {
    const smtp = await sink();
    await seedPapers(db, paperSet("2026-11-27", "2611"));
    await seedSubscribers(
      db,
      Array.from({ length: 120 }, (_, i) => ({ email: `w${i}@example.test` })),
    );
    const smtpMailer = createSmtpMailer({ url: smtp.url, from: FROM, poolSize: 2 });
    let active = 0;
    let peak = 0;
    const mailer = {
      ...smtpMailer,
      async send(mail: Parameters<typeof smtpMailer.send>[0]) {
        peak = Math.max(peak, ++active);
        try {
          return await smtpMailer.send(mail);
        } finally {
          active -= 1;
        }
      },
    };
    const [run] = await triggerDigests({
      db,
      now: NOW,
      trigger: "test",
      settings: testSettings({ concurrency: 6, sendWindow: 4 }),
      mailer,
      frequencies: ["daily"],
    });
    await smtpMailer.close();
    expect(run).toMatchObject({ status: "succeeded", sent: 120 });
    expect(smtp.raw).toHaveLength(120);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(4);
  });
});
