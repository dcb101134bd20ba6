// subscribe: one-click unsubscribe (RFC 8058), GET-only links that change nothing, the manage page's operations, and bad links.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailHash } from "../../src/server/subscriptions/subscribe";
import {
  loadManagedSubscriber,
  pauseSubscription,
  resumeSubscription,
  unsubscribe,
  updatePreferences,
} from "../../src/server/subscriptions/manage-subscription";
import { signSubscriberToken, subscriberLinks } from "../../src/server/subscriptions/subscription-links";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();
const secret = "unsubscribe-test-secret-0123456789";
const appUrl = "http://app.test";
let dataDir: string;
let route: typeof import("../../src/app/api/unsubscribe/route");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-unsub-"));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    APP_SECRET: secret,
    APP_URL: appUrl,
    ADMIN_TOKEN: "admin-token-0123456789",
    CRON_SECRET: "cron-secret-0123456789",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
  route = await import("../../src/app/api/unsubscribe/route");
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => resetDb(db));

async function confirmedSubscriber(email = "reader@example.org") {
  return db.subscriber.create({ data: { email, status: "confirmed", frequency: "weekly", keywords: ["llm"], categories: [], confirmedAt: new Date() } });
}

function links(subscriberId: number, now = new Date()) {
  return subscriberLinks({ appUrl, secret, subscriberId, now });
}

const status = async (id: number) => (await db.subscriber.findUniqueOrThrow({ where: { id } })).status;

describe("unsubscribe: one-click and GET-only links", () => {
  it("a GET only shows a confirm button and changes nothing", async () => {
    const s = await confirmedSubscriber();
    for (let i = 0; i < 3; i++) {
      const res = await route.GET(new Request(links(s.id).unsubscribeUrl));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('method="post"');
      expect(html).toContain("Unsubscribe</button>");
    }
    expect(await status(s.id)).toBe("confirmed");
  });

  it("an RFC 8058 one-click POST unsubscribes at once, with no session, and is idempotent", async () => {
    const s = await confirmedSubscriber();
    const url = links(s.id).unsubscribeUrl;
    const post = () =>
      route.POST(new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    const done = await post();
    expect(done.status).toBe(200);
    // "Subscribe again any time" names the way back, as does the page a second visit of the link shows.
    expect(await done.text()).toContain('<a href="/subscribe">Subscribe again</a>');
    expect(await (await route.GET(new Request(url))).text()).toContain('<a href="/subscribe">Subscribe again</a>');
    const row = await db.subscriber.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.status).toBe("unsubscribed");
    expect(row.unsubscribedAt).toBeInstanceOf(Date);
    expect((await post()).status).toBe(200);
    expect(await status(s.id)).toBe("unsubscribed");
  });

  it("a one-click POST unsubscribes however a mail client labels its body: its content is never read, so no charset is refused", async () => {
    const s = await confirmedSubscriber();
    const headers = { "Content-Type": "application/x-www-form-urlencoded; charset=ISO-8859-1" };
    const res = await route.POST(new Request(links(s.id).unsubscribeUrl, { method: "POST", headers, body: "List-Unsubscribe=One-Click" }));
    expect(res.status).toBe(200);
    expect(await status(s.id)).toBe("unsubscribed");
  });

  it("a mail's List-Unsubscribe header names the one-click URL and no other web address (RFC 8058)", async () => {
    const s = await confirmedSubscriber();
    const l = links(s.id);
    expect(l.headers["List-Unsubscribe"]).toBe(`<${l.unsubscribeUrl}>`);
    expect(l.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("tampered, expired, missing, wrong-purpose and orphaned tokens get a friendly 4xx page and change nothing", async () => {
    const s = await confirmedSubscriber();
    const good = new URL(links(s.id).unsubscribeUrl).searchParams.get("token")!;
    const [body, sig] = good.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ sid: s.id, exp: Date.now() + 1e9 })).toString("base64url");
    const expired = signSubscriberToken({ secret, purpose: "unsubscribe", subscriberId: s.id, now: new Date(Date.now() - 400 * 24 * 3600 * 1000) });
    const manageOnly = signSubscriberToken({ secret, purpose: "manage", subscriberId: s.id, now: new Date() });
    const orphan = signSubscriberToken({ secret, purpose: "unsubscribe", subscriberId: s.id + 999, now: new Date() });
    const cases: [string, number][] = [
      [`${body}.${sig!.slice(0, -1)}${sig!.endsWith("A") ? "B" : "A"}`, 404],
      [`${forgedBody}.${sig}`, 404],
      [expired, 410],
      [manageOnly, 404],
      [orphan, 404],
      ["short", 400],
    ];
    for (const [token, expected] of cases) {
      for (const method of ["GET", "POST"] as const) {
        const res = await route[method](
          new Request(`${appUrl}/api/unsubscribe?token=${encodeURIComponent(token)}`, {
            method,
            body: method === "POST" ? "List-Unsubscribe=One-Click" : undefined,
          }),
        );
        expect(res.status, `${method} ${token}`).toBe(expected);
        expect(res.headers.get("content-type")).toContain("text/html");
        expect(await res.text()).toContain("This link does not work");
      }
    }
    const noToken = await route.POST(new Request(`${appUrl}/api/unsubscribe`, { method: "POST" }));
    expect(noToken.status).toBe(400);
    expect(await status(s.id)).toBe("confirmed");
  });
});

describe("manage: preferences, pause and resume through the signed link", () => {
  it("saves valid preferences and rejects bad ones without losing the old", async () => {
    const s = await confirmedSubscriber();
    const token = signSubscriberToken({ secret, purpose: "manage", subscriberId: s.id, now: new Date() });
    const deps = { db, secret, token, now: new Date() };
    await updatePreferences({
      ...deps,
      input: { frequency: "daily", keywords: "robotics, Vision Transformers", categories: "cs.RO cs.CV", onlyWithCode: "on", minUpvotes: "10" },
    });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      frequency: "daily",
      keywords: ["robotics", "Vision Transformers"],
      categories: ["cs.RO", "cs.CV"],
      onlyWithCode: true,
      minUpvotes: 10,
    });
    const bad = await updatePreferences({ ...deps, input: { frequency: "hourly", minUpvotes: "lots" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ name: "ZodError" });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ frequency: "daily", minUpvotes: 10 });
    const forged = await updatePreferences({ ...deps, token: token + "x", input: { frequency: "weekly" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(forged).toMatchObject({ code: "NOT_FOUND" });
    expect((await loadManagedSubscriber(deps)).frequency).toBe("daily");
  });

  it("pauses and resumes", async () => {
    const s = await confirmedSubscriber();
    const token = signSubscriberToken({ secret, purpose: "manage", subscriberId: s.id, now: new Date() });
    expect((await pauseSubscription({ db, secret, token, now: new Date() })).status).toBe("paused");
    expect((await resumeSubscription({ db, secret, token, now: new Date() })).status).toBe("confirmed");
  });

  it("subscribes again from the manage page after unsubscribing, which had no way back but the form and a new double opt-in", async () => {
    const s = await confirmedSubscriber();
    const token = signSubscriberToken({ secret, purpose: "manage", subscriberId: s.id, now: new Date() });
    expect((await unsubscribe({ db, secret, token, now: new Date() })).status).toBe("unsubscribed");
    expect((await resumeSubscription({ db, secret, token, now: new Date() })).status).toBe("confirmed");
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: s.id } })).unsubscribedAt).toBeNull();
  });

  it("suppression hashes are keyed: the same address under another secret hashes differently", () => {
    expect(emailHash(secret, "a@example.org")).not.toBe(emailHash("another-secret-0123456789", "a@example.org"));
    expect(emailHash(secret, "a@example.org")).toBe(emailHash(secret, "a@example.org"));
  });
});
