// subscribe under load: 200 concurrent requests for 50 addresses through the subscribe server function, real PostgreSQL and SMTP.
// Driven through the function, not HTTP, because the form is a server action (no stable URL to post to) and the function is
// where every guarantee lives: the ON CONFLICT upsert and the PostgreSQL rate limiter. Each request comes from its own IP,
// as 200 different visitors would; from one IP the per-IP limit would (rightly) turn most of them away.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer, type Mailer } from "../../src/server/mail/mailer";
import { subscribe } from "../../src/server/subscriptions/subscribe";
import { SUBSCRIBE_ADDRESS_LIMIT } from "../../src/server/subscriptions/subscription-limits";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDatabaseUrl } from "./helpers/db";
import { createDb } from "../../src/server/db";

const db = createDb(testDatabaseUrl(), { max: 10 });
let sink: TSmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  await resetDb(db);
  sink = await startSmtpSink();
  mailer = createSmtpMailer({ url: sink.url, from: "paper-digest <digest@app.test>", poolSize: 5 });
});
afterAll(async () => {
  await mailer.close();
  await sink.close();
  await db.$disconnect();
});

describe("subscribe: load", () => {
  it("200 concurrent requests for 50 addresses give 50 subscribers, no server errors, and at most the limit of mails per address", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    const addresses = Array.from({ length: 50 }, (_, i) => `load${i}@Example.org`);
    const requests = Array.from({ length: 200 }, (_, i) => ({ email: ` ${addresses[i % 50]} `, frequency: i % 2 ? "daily" : "weekly", keywords: "llm", website: "" }));
    const results = await Promise.allSettled(
      requests.map((input, i) => subscribe({ db, mailer, appUrl: "http://app.test", secret: "load-test-secret-0123456789", now, input, ip: `10.0.${i >> 8}.${i & 255}` })),
    );

    const failures = results.filter((r) => r.status === "rejected");
    expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    const outcomes = results.map((r) => (r as PromiseFulfilledResult<string>).value);
    expect(outcomes.filter((o) => o === "confirmation-sent")).toHaveLength(50 * SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(outcomes.filter((o) => o === "address-limited")).toHaveLength(200 - 50 * SUBSCRIBE_ADDRESS_LIMIT.limit);

    expect(await db.subscriber.count()).toBe(50);
    expect(await db.subscriber.count({ where: { status: "pending" } })).toBe(50);
    const rows = await db.subscriber.findMany({ select: { email: true } });
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(addresses.map((a) => a.replace("Example.org", "example.org"))));

    const mails = await sink.waitFor(50 * SUBSCRIBE_ADDRESS_LIMIT.limit, 120_000);
    const perAddress = new Map<string, number>();
    for (const m of mails) {
      const to = m.to && !Array.isArray(m.to) ? m.to.value[0]!.address! : "";
      perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect(perAddress.size).toBe(50);
    expect(Math.max(...perAddress.values())).toBeLessThanOrEqual(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(await db.subscriberToken.count()).toBe(50 * SUBSCRIBE_ADDRESS_LIMIT.limit);
  });
});
