// subscribe under load: 200 concurrent POST /api/subscribe requests for 50 addresses, real PostgreSQL and a real SMTP server.
// The requests go through the route handler (Request in, Response out, statuses checked) without a Next server around it,
// so the test needs no build; each comes from its own client address (the header the app's server sets per connection), as 200
// visitors would. From a single address the per-client limit would (rightly) answer most of them with 429.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../../src/server/http/client-address";
import { SUBSCRIBE_ADDRESS_LIMIT } from "../../src/server/subscriptions/subscription-limits";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
let sink: TSmtpSink;
let dataDir: string;
let route: typeof import("../../src/app/api/subscribe/route");

beforeAll(async () => {
  await resetDb(db);
  sink = await startSmtpSink();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-load-"));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    SMTP_URL: sink.url,
    MAIL_POOL_SIZE: "5",
    APP_URL: "http://app.test",
    APP_SECRET: "load-test-secret-0123456789",
    ADMIN_TOKEN: "admin-token-0123456789",
    CRON_SECRET: "cron-secret-0123456789",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
  route = await import("../../src/app/api/subscribe/route");
});
afterAll(async () => {
  const { getMailer } = await import("../../src/server/mail/get-mailer");
  await getMailer().close();
  await sink.close();
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (body: unknown, ip: string, contentType = "application/json") =>
  route.POST(
    new Request("http://app.test/api/subscribe", {
      method: "POST",
      headers: { "Content-Type": contentType, [CLIENT_ADDRESS_HEADER]: ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("subscribe: load", () => {
  it("200 concurrent requests for 50 addresses give 50 subscribers, no 5xx, and at most the limit of mails per address", async () => {
    const addresses = Array.from({ length: 50 }, (_, i) => `load${i}@Example.org`);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post({ email: ` ${addresses[i % 50]} `, frequency: i % 2 ? "daily" : "weekly", keywords: "llm" }, `198.18.${i >> 8}.${i & 255}`),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([202]));
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);

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

  it("answers bad requests with a 400 JSON error (415 for a form body) and one IP's 21st request with 429, storing nothing for them", async () => {
    await resetDb(db);
    const bad = await post({ email: "nope" }, "192.0.2.1");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/email/);
    expect((await post("{not json", "192.0.2.1")).status).toBe(400);
    expect((await post("email=a@example.org", "192.0.2.1", "application/x-www-form-urlencoded")).status).toBe(415);
    expect(await db.subscriber.count()).toBe(0);

    for (let i = 0; i < 20; i++) expect((await post({ email: `ip${i}@example.org` }, "192.0.2.9")).status).toBe(202);
    const limited = await post({ email: "ip20@example.org" }, "192.0.2.9");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect(await db.subscriber.count({ where: { email: "ip20@example.org" } })).toBe(0);
  });
});
