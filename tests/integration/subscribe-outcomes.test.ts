// subscribe: every outcome takes the same path before the answer (the same database statements, no mail work), so the
// answer's timing cannot tell a new address from a known, erased or rate-limited one. Real PostgreSQL and SMTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/server/db";
import { createSmtpMailer, type Mailer } from "../../src/server/mail/mailer";
import { emailHash, subscribe, type TSubscribeOutcome } from "../../src/server/subscriptions/subscribe";
import { SUBSCRIBE_ADDRESS_LIMIT } from "../../src/server/subscriptions/subscription-limits";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const secret = "subscribe-outcomes-secret-0123456789";
const now = new Date("2026-11-27T10:00:00Z");
let sink: TSmtpSink;
let smtp: Mailer;

/** What the database was asked, in order: the model operation, or a raw statement's verb and tables. */
let statements: string[] = [];
/** The same client, recording every statement (a view over it, not a stand-in). */
const recordingDb = db.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      if (model) statements.push(`${model}.${operation}`);
      else {
        const sql = String((args as { strings?: string[] }).strings?.join("?") ?? (args as unknown[])[0] ?? "");
        const tables = [...sql.matchAll(/\b(?:INTO|FROM|JOIN|UPDATE(?!\s+SET\b))\s+"?(\w+)"?/gi)].map((m) => m[1]);
        statements.push(`${operation} ${[...new Set(tables)].sort().join(",")}`);
      }
      return query(args);
    },
  },
}) as unknown as Db;

/** The real SMTP mailer, noting when a send starts. */
let sendsStarted = 0;
const mailer: Mailer = {
  kind: "smtp",
  send: (mail) => {
    sendsStarted++;
    return smtp.send(mail);
  },
  close: () => smtp.close(),
};

const attempt = (email: string, ip: string, website = "") =>
  subscribe({ db: recordingDb, mailer, appUrl: "http://app.test", secret, now, ip, input: { email, frequency: "weekly", website } });

beforeAll(async () => {
  sink = await startSmtpSink();
  smtp = createSmtpMailer({ url: sink.url, from: "paper-digest <digest@app.test>" });
});
afterAll(async () => {
  await smtp.close();
  await sink.close();
  await db.$disconnect();
});
beforeEach(() => resetDb(db));

describe("subscribe: every outcome takes the same path", () => {
  it("runs the same statements for a new, known, erased, rate-limited or bot submission, and no mail work before answering", async () => {
    await db.subscriber.create({ data: { email: "known@example.org", status: "confirmed", keywords: [], categories: [] } });
    await db.suppression.create({ data: { emailHash: emailHash(secret, "erased@example.org"), reason: "deleted" } });
    for (let i = 0; i < SUBSCRIBE_ADDRESS_LIMIT.limit; i++) await (await attempt("limited@example.org", `198.51.100.${i}`)).delivery;

    const cases: [TSubscribeOutcome, string, string?][] = [
      ["confirmation-sent", "new@example.org"],
      ["already-subscribed-sent", "known@example.org"],
      ["suppressed", "erased@example.org"],
      ["address-limited", "limited@example.org"],
      ["honeypot", "bot@example.org", "http://spam.example"],
    ];
    const paths = new Map<TSubscribeOutcome, { statements: string[]; sendsBeforeAnswer: number }>();
    for (const [i, [expected, email, website]] of cases.entries()) {
      statements = [];
      sendsStarted = 0;
      const { outcome, delivery } = await attempt(email, `203.0.113.${i}`, website);
      expect(outcome).toBe(expected);
      paths.set(expected, { statements, sendsBeforeAnswer: sendsStarted });
      await delivery;
    }

    const newAddress = paths.get("confirmation-sent")!.statements;
    expect(newAddress.length).toBeGreaterThan(0);
    expect(Object.fromEntries(paths)).toEqual(Object.fromEntries(cases.map(([outcome]) => [outcome, { statements: newAddress, sendsBeforeAnswer: 0 }])));
    expect(sink.messages.slice(SUBSCRIBE_ADDRESS_LIMIT.limit).map((m) => m.subject)).toEqual([
      "Confirm your paper-digest subscription",
      "You are already subscribed to paper-digest",
    ]);
  });
});
