// subscribe: one mailbox is one address whatever the case of its letters, for the mail limit, the subscriber row and the suppression list.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hmac } from "../../src/server/auth/secrets";
import { createSmtpMailer, type Mailer } from "../../src/server/mail/mailer";
import { confirmSubscription } from "../../src/server/subscriptions/confirm-subscription";
import { deleteSubscriberData } from "../../src/server/subscriptions/manage-subscription";
import { subscribe } from "../../src/server/subscriptions/subscribe";
import { SUBSCRIBE_ADDRESS_LIMIT } from "../../src/server/subscriptions/subscription-limits";
import { startSmtpSink, type TSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const secret = "subscribe-case-secret-0123456789";
const now = new Date("2026-11-27T10:00:00Z");
let sink: TSmtpSink;
let mailer: Mailer;

/** Twelve spellings of one mailbox: the attack pass's `Victim@`, `vIctim@` and so on. */
const VARIANTS = ["Victim", "vIctim", "viCtim", "vicTim", "victIm", "victiM", "VIctim", "VICtim", "VICTim", "VICTIm", "VICTIM", "victim"].map(
  (local) => `${local}@Example.org`,
);

const run = (email: string, i: number) =>
  subscribe({ db, mailer, appUrl: "http://app.test", secret, now, ip: `198.51.100.${i}`, input: { email, frequency: "weekly", website: "" } });

/** Settles every request and its deferred mail, so counting the sink's messages afterwards is exact. */
const settle = async (results: Awaited<ReturnType<typeof run>>[]) => {
  await Promise.all(results.map((r) => r.delivery));
  return results.map((r) => r.outcome);
};

function recipient(mail: { to?: unknown }): string {
  const to = mail.to as { value: { address?: string }[] } | undefined;
  return to?.value[0]?.address ?? "";
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

describe("subscribe: addresses compare case-insensitively", () => {
  it("gives twelve case variants of one address one row and at most the hourly limit of mails", async () => {
    const outcomes = [];
    for (const [i, email] of VARIANTS.entries()) outcomes.push(...(await settle([await run(email, i)])));
    expect(outcomes.filter((o) => o === "confirmation-sent")).toHaveLength(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(outcomes.filter((o) => o === "address-limited")).toHaveLength(VARIANTS.length - SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(sink.messages).toHaveLength(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(await db.subscriber.findMany({ select: { email: true } })).toEqual([{ email: "Victim@example.org" }]);
  });

  it("gives concurrent case variants one row and at most the hourly limit of mails", async () => {
    const outcomes = await settle(await Promise.all(VARIANTS.map((email, i) => run(email, i))));
    expect(outcomes.filter((o) => o === "confirmation-sent")).toHaveLength(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(sink.messages).toHaveLength(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(await db.subscriber.count()).toBe(1);
  });

  it("mails the address as typed in the request", async () => {
    await settle([await run("Victim@Example.org", 1), await run("vICTIM@example.ORG", 2)]);
    expect(sink.messages.map(recipient).sort()).toEqual(["Victim@example.org", "vICTIM@example.org"]);
    expect(await db.subscriber.findMany({ select: { email: true } })).toEqual([{ email: "Victim@example.org" }]);
  });

  it("treats an erased address as erased whatever the case it is typed in", async () => {
    await settle([await run("Victim@example.org", 1)]);
    const confirmToken = /token=([\w%-]+)/.exec((await sink.waitFor(1))[0]!.text ?? "")![1]!;
    const { manageToken } = await confirmSubscription({ db, secret, token: decodeURIComponent(confirmToken), now });
    await deleteSubscriberData({ db, secret, token: manageToken, now });

    expect(await settle([await run("VICTIM@EXAMPLE.ORG", 2), await run("victim@example.org", 3)])).toEqual(["suppressed", "suppressed"]);
    expect(await db.subscriber.count()).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it("still honours an erasure stored before the change (a hash of the address as typed), typed the same way", async () => {
    await db.suppression.create({ data: { emailHash: hmac(secret, "email:Victim@example.org"), reason: "deleted" } });
    expect(await settle([await run("Victim@example.org", 1)])).toEqual(["suppressed"]);
    expect(await db.subscriber.count()).toBe(0);
  });
});
