// Admin sessions end at sign-out on the server: a copied cookie is then refused by the proxy, a page, a route handler
// and a server action, each on its own. Real PostgreSQL; the request's cookies and headers are the one thing stood in
// for (next/headers), since pages and actions are called here without a Next server (tests/e2e/admin-session.spec.ts
// does the same over HTTP).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isAppError } from "../../src/server/errors/app-error";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => (value ? request.cookies.set(name, value) : request.cookies.delete(name)),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.5" }),
}));

const ADMIN_TOKEN = "revocation-admin-token-0123456789";
const db = testDb();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-session-"));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    ADMIN_TOKEN,
    APP_SECRET: "revocation-app-secret-0123456789abcdef",
    CRON_SECRET: "revocation-cron-secret-0123456789",
    APP_URL: "http://app.test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDb(db);
  request.cookies.clear();
});

async function signIn(): Promise<string> {
  const { signInAdmin } = await import("../../src/server/auth/admin-login");
  const { getConfig } = await import("../../src/server/config");
  const { cookie } = await signInAdmin({ db, config: getConfig(), ip: "203.0.113.5", credential: ADMIN_TOKEN, now: new Date() });
  return cookie.value;
}

/** Where a thrown Next redirect points, or what else was thrown. */
function thrown(err: unknown): string {
  const digest = String((err as { digest?: string }).digest ?? "");
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${new URL(digest.split(";")[2]!, "http://app.test").pathname}`;
  return isAppError(err) ? err.code : String(err);
}

/** How each kind of admin entry point answers a request carrying `cookie`. */
async function answersTo(cookie: string) {
  request.cookies.set("pd_admin", cookie);
  const { proxy } = await import("../../src/proxy");
  const passed = await proxy(new NextRequest("http://app.test/admin/audit", { headers: { cookie: `pd_admin=${cookie}` } }));
  const page = (await import("../../src/app/admin/audit/page")).default;
  const route = await import("../../src/app/api/admin/ingest/route");
  const { setHiddenAction } = await import("../../src/app/admin/papers/actions");
  const form = new FormData();
  form.set("id", "999999");
  form.set("hidden", "true");
  return {
    proxy: passed.headers.get("x-middleware-next") ? "passed" : `${passed.status} ${new URL(passed.headers.get("location") ?? "", "http://x").pathname}`,
    page: await page({ searchParams: Promise.resolve({}) }).then(() => "rendered", thrown),
    route: (await route.GET(new Request("http://app.test/api/admin/ingest", { headers: { cookie: `pd_admin=${cookie}` } }))).status,
    // With a session, the action runs and sends the admin back with "no such paper"; without one it is sent to sign in before the form is read.
    action: await setHiddenAction(form).then(() => "returned", thrown),
  };
}

const SIGNED_IN = { proxy: "passed", page: "rendered", route: 200, action: "redirect /admin/papers" };
const REFUSED = { proxy: "303 /admin/login", page: "redirect /admin/login", route: 401, action: "redirect /admin/login" };

describe("admin session: sign-out revokes", () => {
  it("refuses a cookie copied before sign-out everywhere, on the server's word rather than the browser's", async () => {
    const copied = await signIn();
    expect(await answersTo(copied)).toEqual(SIGNED_IN);

    const { signOutAction } = await import("../../src/app/admin/actions");
    expect(await signOutAction(new FormData()).then(() => "returned", thrown)).toBe("redirect /admin/login");
    expect(request.cookies.has("pd_admin")).toBe(false);

    expect(await answersTo(copied)).toEqual(REFUSED);
  });

  it("refuses a forged, malformed or pre-upgrade cookie without failing", async () => {
    const { signPayload } = await import("../../src/server/auth/secrets");
    const withoutSession = signPayload(process.env.APP_SECRET!, "admin-session", { sub: "admin:token", exp: Date.now() + 60_000 });
    for (const cookie of ["%E0%A4%A", "eyJzdWIiOiJhZG1pbiJ9.forged", withoutSession]) expect(await answersTo(cookie), cookie).toEqual(REFUSED);
  });

  it("ends only the session that signs out", async () => {
    const laptop = await signIn();
    const phone = await signIn();
    request.cookies.set("pd_admin", laptop);
    const { signOutAction } = await import("../../src/app/admin/actions");
    await signOutAction(new FormData()).catch(thrown);
    expect(await answersTo(laptop)).toEqual(REFUSED);
    expect(await answersTo(phone)).toEqual(SIGNED_IN);
  });

  it("refuses a session once its 12 hours are over, and housekeeping deletes only expired rows", async () => {
    const { createAdminSession } = await import("../../src/server/auth/admin-session");
    const { purgeExpiredAdminSessions } = await import("../../src/server/repo/admin-sessions");
    const secret = process.env.APP_SECRET!;
    const old = await createAdminSession({ db, secret, subject: "admin:token", now: new Date(Date.now() - 13 * 3600 * 1000) });
    const live = await createAdminSession({ db, secret, subject: "admin:token", now: new Date() });
    expect(await answersTo(old.value)).toEqual(REFUSED);
    expect(await purgeExpiredAdminSessions({ db, now: new Date() })).toBe(1);
    expect(await db.adminSession.count()).toBe(1);
    expect(await answersTo(live.value)).toEqual(SIGNED_IN);
  });
});
