// subscribe: double opt-in against real PostgreSQL and a real SMTP server, from the form to a confirmed subscriber.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../src/server/http/respond";
import { AppError } from "../../src/server/errors/app-error";
import { createSmtpMailer, type Mailer } from "../../src/server/mail/mailer";
import { checkConfirmToken, confirmSubscription } from "../../src/server/subscriptions/confirm-subscription";
import { deleteSubscriberData } from "../../src/server/subscriptions/manage-subscription";
import { emailHash, subscribe } from "../../src/server/subscriptions/subscribe";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const secret = "subscribe-flow-secret-0123456789";
const appUrl = "http://app.test";
const now = new Date("2026-11-27T10:00:00Z");
let sink: TSmtpSink;
let mailer: Mailer;

const form = (over: Record<string, string> = {}) => ({
  email: "reader@example.org",
  frequency: "weekly",
  keywords: "diffusion, LLM",
  categories: "cs.LG",
  onlyWithCode: "on",
  minUpvotes: "5",
  website: "",
  ...over,
});
/** One submission, its mail (if any) handed to SMTP before it returns the outcome. */
const run = async (input: unknown, opts: { ip?: string; at?: Date } = {}) => {
  const { outcome, delivery } = await subscribe({ db, mailer, appUrl, secret, now: opts.at ?? now, input, ip: opts.ip ?? "203.0.113.7" });
  await delivery;
  return outcome;
};

function confirmToken(text: string | false | undefined): string {
  const match = /\/subscribe\/confirm\?token=([\w%-]+)/.exec(text || "");
  if (!match) throw new Error(`no confirmation link in:\n${text}`);
  return decodeURIComponent(match[1]!);
}

async function rejects(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createSmtpMailer({ url: sink.url, from: "paper-digest <digest@app.test>" });
});
afterAll(async () => {
  await mailer.close();
  await sink.close();
  await db.$disconnect();
});
beforeEach(() => resetDb(db));
afterEach(() => {
  sink.messages.length = 0;
});

describe("subscribe: double opt-in", () => {
  it("mails a single-use link, stores only its hash, and confirms through it", async () => {
    expect(await run(form({ email: "  Reader@Example.ORG " }))).toBe("confirmation-sent");
    const [mail] = await sink.waitFor(1);
    expect(mail!.to && "value" in mail!.to ? mail!.to.value[0]!.address : "").toBe("Reader@example.org");
    expect(mail!.subject).toBe("Confirm your paper-digest subscription");
    const rawHeaders = mail!.headerLines.map((h) => h.line.replace(/\r?\n\s+/g, " ")).join("\n");
    expect(rawHeaders).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(rawHeaders).toMatch(/List-Unsubscribe: <http:\/\/app\.test\/api\/unsubscribe\?token=/);
    const token = confirmToken(mail!.text);
    expect(mail!.html).toContain(`/subscribe/confirm?token=`);

    const pending = await db.subscriber.findFirstOrThrow({ where: { email: "Reader@example.org" } });
    expect(pending).toMatchObject({
      status: "pending",
      frequency: "weekly",
      keywords: ["diffusion", "LLM"],
      categories: ["cs.LG"],
      onlyWithCode: true,
      minUpvotes: 5,
    });
    const stored = await db.subscriberToken.findFirstOrThrow({ where: { subscriberId: pending.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(48 * 3600 * 1000);

    await checkConfirmToken({ db, token, now });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("pending");

    const confirmed = await confirmSubscription({ db, secret, token, now });
    expect(confirmed.subscriberId).toBe(pending.id);
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "confirmed", confirmedAt: now });

    const again = await rejects(confirmSubscription({ db, secret, token, now }));
    expect(again.details).toEqual({ reason: "used" });
    expect(again.status).toBe(410);
  });

  it("refuses expired and tampered confirmation tokens and changes nothing", async () => {
    await run(form());
    const token = confirmToken((await sink.waitFor(1))[0]!.text);
    const later = new Date(now.getTime() + 49 * 3600 * 1000);
    expect((await rejects(confirmSubscription({ db, secret, token, now: later }))).details).toEqual({ reason: "expired" });
    const tampered = await rejects(confirmSubscription({ db, secret, token: token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"), now }));
    expect(tampered.status).toBe(404);
    expect((await rejects(checkConfirmToken({ db, token: "not-a-token", now }))).status).toBe(404);
    expect((await db.subscriber.findFirstOrThrow()).status).toBe("pending");
    expect(await db.subscriberToken.count({ where: { usedAt: { not: null } } })).toBe(0);
  });

  it("gives an already confirmed address the same answer, keeps its preferences, and mails a manage link", async () => {
    await run(form());
    await confirmSubscription({ db, secret, token: confirmToken((await sink.waitFor(1))[0]!.text), now });
    expect(await run(form({ keywords: "robotics", frequency: "daily" }))).toBe("already-subscribed-sent");
    const [, second] = await sink.waitFor(2);
    expect(second!.subject).toBe("You are already subscribed to paper-digest");
    expect(second!.text).toMatch(/\/subscription\/[\w.-]+/);
    expect(await db.subscriber.findFirstOrThrow()).toMatchObject({ status: "confirmed", keywords: ["diffusion", "LLM"], frequency: "weekly" });
  });

  it("never mails the same address more than 3 times an hour, and answers the same", async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await run(form(), { ip: `198.51.100.${i}` }));
    expect(outcomes).toEqual(["confirmation-sent", "confirmation-sent", "confirmation-sent", "address-limited", "address-limited"]);
    await sink.waitFor(3);
    expect(await db.subscriber.count()).toBe(1);
    expect(await run(form(), { at: new Date(now.getTime() + 61 * 60 * 1000) })).toBe("confirmation-sent");
  });

  it("gives the same answer when SMTP refuses the mail (the failure is logged, not shown)", async () => {
    const refusing = await startSmtpSink({ rejectRecipients: () => true });
    const refusingMailer = createSmtpMailer({ url: refusing.url, from: "paper-digest <digest@app.test>" });
    try {
      const { outcome, delivery } = await subscribe({ db, mailer: refusingMailer, appUrl, secret, now, input: form(), ip: "203.0.113.8" });
      expect(outcome).toBe("confirmation-sent");
      await expect(delivery).resolves.toBeUndefined();
      expect(refusing.messages).toHaveLength(0);
    } finally {
      await refusingMailer.close();
      await refusing.close();
    }
  });

  it("rate-limits one IP at 20 requests per 10 minutes with a clear 429", async () => {
    for (let i = 0; i < 20; i++) await run(form({ email: `r${i}@example.org` }));
    const err = await rejects(run(form({ email: "r21@example.org" })));
    expect(err.code).toBe("RATE_LIMITED");
    expect(await db.subscriber.count({ where: { email: "r21@example.org" } })).toBe(0);
    // Retry-After says when the window ends: ten minutes after its first request, not a fixed minute.
    expect(errorResponse(err).headers.get("retry-after")).toBe("600");
    const later = await rejects(run(form({ email: "r22@example.org" }), { at: new Date(now.getTime() + 65_000) }));
    expect(errorResponse(later).headers.get("retry-after")).toBe("535");
  });

  it("pretends success for a filled honeypot, stores no subscriber and sends nothing, but counts the request like any other", async () => {
    expect(await run(form({ website: "http://spam.example" }))).toBe("honeypot");
    expect(await db.subscriber.count()).toBe(0);
    expect(await db.subscriberToken.count()).toBe(0);
    const counters = await db.rateLimit.findMany({ select: { key: true, count: true }, orderBy: { key: "asc" } });
    expect(counters).toEqual([
      { key: `subscribe:addr:${emailHash(secret, "reader@example.org")}`, count: 1 },
      { key: "subscribe:ip:203.0.113.7", count: 1 },
    ]);
    expect(sink.messages).toHaveLength(0);
  });

  it("rejects a bad address with a field error and stores nothing", async () => {
    for (const email of ["", "not-an-email", "a@b", "x".repeat(250) + "@example.org"]) {
      const err = await run(form({ email })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ name: "ZodError" });
    }
    const badPrefs = await run(form({ minUpvotes: "-3", categories: "not a <category>" })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(badPrefs).toMatchObject({ name: "ZodError" });
    expect(await db.subscriber.count()).toBe(0);
  });

  it("after deletion keeps only a keyed hash and silently refuses the address", async () => {
    await run(form());
    const { manageToken } = await confirmSubscription({ db, secret, token: confirmToken((await sink.waitFor(1))[0]!.text), now });
    await deleteSubscriberData({ db, secret, token: manageToken, now });
    expect(await db.subscriber.count()).toBe(0);
    expect(await db.subscriberToken.count()).toBe(0);
    const suppressions = await db.suppression.findMany();
    expect(suppressions).toEqual([expect.objectContaining({ emailHash: emailHash(secret, "reader@example.org"), reason: "deleted" })]);
    expect(JSON.stringify(suppressions)).not.toContain("reader");

    expect(await run(form())).toBe("suppressed");
    expect(await db.subscriber.count()).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });
});
