// The web server meeting a busy database, never with Next's bare 500: a feed page it could not render answers 503 with Retry-After and
// says the feed is busy, and is not cached, while a cached page is still served; the JSON API answers 503; the subscribe form, an admin
// action and the admin sign-in say "busy, try again", and so do the confirmation and manage pages a busy action reopens, with their 503.
// The server's database URL sets a short statement_timeout, and the test holds a lock on the tables a request needs
// (helpers/busy-database.ts), so its statements wait and end as they would under load. A busy page is logged once, as a warning, where
// Next logged what the page threw as an error with its stack.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_COOKIE } from "../../src/server/auth/admin-cookie";
import { createAdminSession } from "../../src/server/auth/admin-session";
import { randomToken, sha256 } from "../../src/server/auth/secrets";
import { seedDemo } from "../../src/server/ingest/seed-demo";
import { signSubscriberToken, subscriberLinks } from "../../src/server/subscriptions/subscription-links";
import { whileLocked, withStatementTimeout } from "./helpers/busy-database";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT, cleanEnv, startWebServer, type TWebServer } from "./helpers/run-script";
import { testPort } from "./helpers/worker";

const APP_SECRET = "busy-web-app-secret-0123456789abcdef";
const ADMIN_TOKEN = "busy-web-admin-token-0123456789";
const BUSY_MESSAGE = "The server is busy. Try again in a few seconds.";
const PREVIEW_UNAVAILABLE = "The preview could not load just now.";
const db = testDb();
let base: string;
let server: TWebServer | undefined;

beforeAll(async () => {
  await resetDb(db);
  await seedDemo({ db, samplesDir: path.join(ROOT, "samples"), clock: () => new Date() });
  const port = await testPort(3271);
  base = `http://127.0.0.1:${port}`;
  server = await startWebServer(
    cleanEnv({
      DATABASE_URL: withStatementTimeout(testDatabaseUrl(), 1_000),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-busy-")),
      PORT: String(port),
      APP_URL: base,
      ADMIN_TOKEN,
      CRON_SECRET: "busy-web-cron-secret-0123456789",
      APP_SECRET,
      NODE_ENV: "production",
    }),
  );
}, 900_000);

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const locked = <T>(tables: string[], fn: () => Promise<T>) => whileLocked(testDatabaseUrl(), tables, fn);

/** A page as a browser without JavaScript reads it: status, the headers asked for, and the HTML. */
async function page(pathname: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${pathname}`, { headers, redirect: "manual" });
  return { res, html: await res.text() };
}

/** Every named field of the first form in `html` that `selector` matches, with its value, as the browser would post it. */
function formFields(html: string, selector: string): FormData {
  const $ = cheerio.load(html);
  const form = $(selector).first().closest("form");
  expect(form.length, `no form holding ${selector}`).toBe(1);
  const data = new FormData();
  form.find("input[name]").each((_, input) => void data.set($(input).attr("name")!, $(input).attr("value") ?? ""));
  return data;
}

/** Posts `form` as the page's form would, and reads where the answer sends the browser. */
async function post(pathname: string, form: FormData, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${pathname}`, {
    method: "POST",
    body: form,
    headers: { origin: base, ...(cookie ? { cookie } : {}), ...headers },
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location"), retryAfter: res.headers.get("retry-after"), html: await res.text() };
}

describe("feed pages and the API", () => {
  it("a paper page not yet cached answers 503 with Retry-After and the busy page, is not cached, and renders once the database answers", async () => {
    const paper = await db.paper.findFirstOrThrow({ where: { arxivId: { not: null } }, orderBy: { id: "asc" } });
    const busy = await locked(["papers"], () => page(`/papers/${paper.arxivId}`));
    expect(busy.res.status).toBe(503);
    expect(busy.res.headers.get("retry-after")).toBe("5");
    expect(busy.res.headers.get("cache-control")).toContain("no-store");
    expect(busy.html).toContain("The feed is busy");
    expect(busy.html).toContain("Try again in a moment.");
    expect(busy.html, "a zero-JS page like the feed's").not.toMatch(/<script[^>]+src=/);

    // Rendered afresh: the busy answer was never stored in its place.
    const first = await page(`/papers/${paper.arxivId}`);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("x-nextjs-cache")).toBe("MISS");
    expect(first.html).toContain(paper.title.slice(0, 40));
    expect((await page(`/papers/${paper.arxivId}`)).res.headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("a page already cached is still served while the database cannot answer", async () => {
    await page("/");
    const cached = await locked(["papers"], () => page("/"));
    expect(cached.res.status).toBe(200);
    expect(cached.res.headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("a JSON API read answers 503 with Retry-After when its statement times out", async () => {
    const res = await locked(["papers"], () => fetch(`${base}/api/papers?q=${encodeURIComponent("busy-database-probe")}`));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ error: { code: "UNAVAILABLE", message: BUSY_MESSAGE } });
  });
});

/** What the server wrote (its log, and Next's own lines) while `fn` ran: the lines of one request. */
async function loggedDuring<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const from = server!.output().length;
  const result = await fn();
  // The answer can be out before the last line is written.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { result, lines: server!.output().slice(from).split("\n").filter(Boolean) };
}

describe("what the server logs", () => {
  it("a busy page is one warning line, with no error and no stack; a page failing for any other reason is still an error", async () => {
    const [busyPaper, brokenPaper] = await db.paper.findMany({ where: { arxivId: { not: null } }, orderBy: { id: "desc" }, take: 2 });
    const busy = await loggedDuring(() => locked(["papers"], () => page(`/papers/${busyPaper!.arxivId}`)));
    expect(busy.result.res.status).toBe(503);
    expect(busy.lines, "Next's error line and its stack").not.toEqual(expect.arrayContaining([expect.stringMatching(/⨯|^\s+at /)]));
    expect(busy.lines).toHaveLength(1);
    expect(JSON.parse(busy.lines[0]!)).toMatchObject({ level: "warn", msg: "the database could not take the query in time" });

    // A column gone is a fault of the deployment, not load: Next's error line stays.
    await db.$executeRawUnsafe(`ALTER TABLE papers RENAME COLUMN title TO title_moved_by_busy_web_test`);
    const broken = await loggedDuring(() => page(`/papers/${brokenPaper!.arxivId}`)).finally(() =>
      db.$executeRawUnsafe(`ALTER TABLE papers RENAME COLUMN title_moved_by_busy_web_test TO title`),
    );
    expect(broken.result.res.status).toBe(500);
    expect(broken.lines.some((line) => line.startsWith("⨯"))).toBe(true);
    expect(broken.lines.join("\n")).toContain("The column `papers.title` does not exist");
    expect(broken.lines.some((line) => line.includes('"level":"warn"'))).toBe(false);
  });
});

describe("the admin gate", () => {
  it("an admin API request whose session check meets the busy database answers the API's JSON 503", async () => {
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "admin:token", now: new Date() });
    const res = await locked(["admin_sessions"], () => fetch(`${base}/api/admin/subscribers.csv`, { headers: { cookie: `${ADMIN_COOKIE}=${session.value}` } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "UNAVAILABLE", message: BUSY_MESSAGE } });
  });
});

describe("forms", () => {
  it("the subscribe form answers 503 with Retry-After, its busy message and what was typed", async () => {
    const form = new URLSearchParams({ email: "busy-reader@example.org", frequency: "weekly", keywords: "robotics" });
    const res = await locked(["rate_limits"], () => fetch(`${base}/subscribe/submit`, { method: "POST", body: form, headers: { origin: base } }));
    const html = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(cheerio.load(html)("[role=alert], [role=status]").text()).toContain(BUSY_MESSAGE);
    expect(html).toContain('value="busy-reader@example.org"');
    expect(await db.subscriber.count()).toBe(0);
    // The preview was not read: it says so, not that the interests matched nothing.
    const $ = cheerio.load(html);
    expect($("[data-preview-items]").text()).toContain(PREVIEW_UNAVAILABLE);
    expect($("[data-preview-items]").text()).not.toContain("Nothing");
    expect($("[data-preview-status]").text()).toBe(PREVIEW_UNAVAILABLE);
  });

  it("a subscription taken while the preview's read is busy says the preview could not load, not that nothing matched", async () => {
    const form = new URLSearchParams({ email: "busy-preview@example.org", frequency: "weekly", keywords: "busy-preview-probe" });
    const res = await locked(["papers"], () => fetch(`${base}/subscribe/submit`, { method: "POST", body: form, headers: { origin: base } }));
    const $ = cheerio.load(await res.text());
    expect(res.status).toBe(200);
    expect($("[role=status]").first().text()).toContain("Check your inbox");
    expect($("[data-preview-items]").text()).toContain(PREVIEW_UNAVAILABLE);
    expect($("[data-preview-status]").text()).toBe(PREVIEW_UNAVAILABLE);
    await db.subscriber.deleteMany();
  });

  it("an admin action whose write meets the busy database comes back to its page with the busy error, and writes nothing", async () => {
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "admin:token", now: new Date() });
    const cookie = `${ADMIN_COOKIE}=${session.value}`;
    const hide = formFields((await page("/admin/papers", { cookie })).html, 'input[name="hidden"][value="true"]');
    const answer = await locked(["papers"], () => post("/admin/papers", hide, cookie));
    expect(answer.status).toBe(303);
    const back = new URL(answer.location!, base);
    expect(back.pathname).toBe("/admin/papers");
    expect(back.searchParams.get("error")).toBe(BUSY_MESSAGE);
    expect(await db.paper.count({ where: { hidden: true } })).toBe(0);

    // The proxy checks the session before any admin page or action runs: a busy database there is a page saying so, with its 503.
    const gate = await locked(["admin_sessions"], () => post("/admin/papers", hide, cookie, { accept: "text/html" }));
    expect(gate.status).toBe(503);
    expect(gate.retryAfter).toBe("5");
    expect(cheerio.load(gate.html)("main p").first().text()).toBe(BUSY_MESSAGE);
    // The address was right: the heading must not send the reader to look for another one.
    expect(cheerio.load(gate.html)("h1").text()).toBe("Busy just now");
  });

  it("every admin page whose reads meet the busy database answers 503 with Retry-After and a page saying so, and renders once it answers", async () => {
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "admin:token", now: new Date() });
    const cookie = `${ADMIN_COOKIE}=${session.value}`;
    const mail = await db.capturedMail.create({
      data: { from: "digest@example.org", to: "busy-admin@example.org", subject: "Busy", html: "<p>x</p>", text: "x" },
    });
    // Everything but the session the gate and the layout check, so each page gets as far as its own reads.
    const tables = ["papers", "ingest_runs", "fetch_cache", "subscribers", "captured_mail", "digest_runs", "deliveries", "audit_log", "rate_limits"];
    const pages = [
      "/admin",
      "/admin/ingestion",
      "/admin/papers",
      "/admin/subscribers",
      "/admin/digests",
      "/admin/mail",
      `/admin/mail/${mail.id}`,
      "/admin/audit",
    ];
    for (const pathname of pages) {
      const busy = await locked(tables, () => page(pathname, { cookie }));
      expect(busy.res.status, pathname).toBe(503);
      expect(busy.res.headers.get("retry-after"), pathname).toBe("5");
      const text = cheerio.load(busy.html)("main").text();
      expect(text, pathname).toContain("The server is busy");
      expect(text, pathname).toContain("Try again in a moment.");
      expect((await page(pathname, { cookie })).res.status, pathname).toBe(200);
    }
    // The sign-in page, which the gate lets through, checks the session itself to send a signed-in admin on.
    const signIn = await loggedDuring(() => locked(["admin_sessions"], () => page("/admin/login", { cookie })));
    expect(signIn.result.res.status).toBe(503);
    expect(cheerio.load(signIn.result.html)("main").text()).toContain("The server is busy");
    // The layout and the page read one session check: its failure is logged once, as a warning.
    expect(signIn.lines.map((line) => JSON.parse(line) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: "warn", msg: "the database could not take the query in time" }),
    ]);
    await db.capturedMail.delete({ where: { id: mail.id } });
  });

  it("signing out while the database is busy comes back to the console saying so, still signed in, and signs out once it answers", async () => {
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "admin:token", now: new Date() });
    const cookie = `${ADMIN_COOKIE}=${session.value}`;
    const signOut = () => formFields(html, 'nav[aria-label="Admin"] button[type="submit"]');
    const { html } = await page("/admin", { cookie });
    const busy = await locked(["audit_log"], () => post("/admin", signOut(), cookie));
    expect(busy.status).toBe(303);
    const back = new URL(busy.location!, base);
    expect(back.pathname).toBe("/admin");
    expect(back.searchParams.get("error")).toBe(BUSY_MESSAGE);
    // Nothing was half done: the session still works, and nothing was audited.
    expect((await page("/admin", { cookie })).res.status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "logout" } })).toBe(0);

    const done = await post("/admin", signOut(), cookie);
    expect(done.status).toBe(303);
    expect(done.location).toBe("/admin/login?m=signed-out");
    const after = await page("/admin", { cookie });
    expect([after.res.status, after.res.headers.get("location")], "the session is gone").toEqual([303, "/admin/login"]);
    expect(await db.auditLog.count({ where: { action: "logout" } })).toBe(1);
  });

  it("the admin sign-in comes back to the sign-in page saying the server is busy", async () => {
    const signIn = formFields((await page("/admin/login")).html, 'input[name="credential"]');
    signIn.set("credential", ADMIN_TOKEN);
    const answer = await locked(["rate_limits"], () => post("/admin/login", signIn));
    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/admin/login?m=busy");
    expect(
      cheerio
        .load((await page("/admin/login?m=busy")).html)("[role=alert]")
        .text(),
    ).toBe(BUSY_MESSAGE);
  });
});

describe("the subscriber's link pages after a busy action", () => {
  /** A page the busy database could not load: 503 with Retry-After, unkept, saying nothing changed and to try again. */
  function expectBusyPage(answer: { res: Response; html: string }) {
    expect(answer.res.status).toBe(503);
    expect(answer.res.headers.get("retry-after")).toBe("5");
    expect(answer.res.headers.get("cache-control")).toContain("no-store");
    const text = cheerio.load(answer.html)("main").text();
    expect(text).toContain("The server is busy");
    expect(text).toContain("Nothing was changed.");
    expect(text).toContain("Try again in a moment.");
  }

  it("the confirmation page the busy action reopens answers 503 saying the server is busy while the database still is, then shows its button", async () => {
    const pending = await db.subscriber.create({ data: { email: "busy-confirm@example.org", keywords: [], categories: [] } });
    const token = randomToken();
    await db.subscriberToken.create({
      data: { subscriberId: pending.id, purpose: "confirm", tokenHash: sha256(token), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const again = `/subscribe/confirm?token=${encodeURIComponent(token)}&busy=1`;
    const busy = await locked(["subscriber_tokens", "subscribers"], () => page(again));
    expectBusyPage(busy);
    expect(busy.html).not.toContain("Confirm subscription</button>");

    const after = await page(again);
    expect(after.res.status).toBe(200);
    expect(after.html).toContain("Press the button again in a moment.");
    expect(after.html).toContain("Confirm subscription</button>");
  });

  it("the page that deleting one's data lands on answers 503 with the busy page while its preview cannot be read, then renders and is kept", async () => {
    const busy = await locked(["papers"], () => page("/subscribe/deleted"));
    expect(busy.res.status).toBe(503);
    expect(busy.res.headers.get("retry-after")).toBe("5");
    expect(busy.res.headers.get("cache-control")).toContain("no-store");
    expect(cheerio.load(busy.html)("main").text()).toContain("Try again in a moment.");

    const after = await page("/subscribe/deleted");
    expect(after.res.status).toBe(200);
    expect(cheerio.load(after.html)("[role=status]").first().text()).toContain("All your data was deleted.");
    expect(after.html, "a zero-JS page like the subscribe page").not.toMatch(/<script[^>]+src=/);
    expect((await page("/subscribe/deleted")).res.headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("a mailed unsubscribe or feedback link opened while the database is busy is a page saying so with 503 and Retry-After, JSON only to a client that is no browser", async () => {
    const reader = await db.subscriber.create({ data: { email: "busy-links@example.org", status: "confirmed", keywords: [], categories: [] } });
    const paper = await db.paper.findFirstOrThrow({ orderBy: { id: "asc" } });
    const links = subscriberLinks({ appUrl: base, secret: APP_SECRET, subscriberId: reader.id, now: new Date() });
    const asBrowser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
    const mailed = [new URL(links.unsubscribeUrl), new URL(links.feedbackUrl(paper.id, "more"))].map((url) => `${url.pathname}${url.search}`);
    for (const link of mailed) {
      for (const method of ["GET", "POST"]) {
        const res = await locked(["subscribers"], () => fetch(`${base}${link}`, { method, headers: { ...asBrowser, origin: base }, redirect: "manual" }));
        const $ = cheerio.load(await res.text());
        expect(res.status, `${method} ${link}`).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect($("h1").text()).toBe("Busy just now");
        expect($("main p").first().text()).toBe(BUSY_MESSAGE);
      }
    }
    // Logged once, as a warning, as a busy feed page is.
    const logged = await loggedDuring(() => locked(["subscribers"], () => fetch(`${base}${mailed[0]}`, { headers: asBrowser })));
    expect(logged.result.status).toBe(503);
    expect(logged.lines.map((line) => JSON.parse(line) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: "warn", msg: "the database could not take the query in time" }),
    ]);
    // A mail provider's one-click POST (RFC 8058) asks for no HTML: it reads the status and Retry-After off the API's JSON error.
    const oneClick = await locked(["subscribers"], () =>
      fetch(`${base}${mailed[0]}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(oneClick.status).toBe(503);
    expect(oneClick.headers.get("retry-after")).toBe("5");
    expect(await oneClick.json()).toEqual({ error: { code: "UNAVAILABLE", message: BUSY_MESSAGE } });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("confirmed");
    await db.subscriber.delete({ where: { id: reader.id } });
  });

  it("the manage page the busy action reopens answers 503 saying nothing was changed, whichever of its reads is busy", async () => {
    const reader = await db.subscriber.create({ data: { email: "busy-manage@example.org", status: "confirmed", keywords: [], categories: [] } });
    const token = signSubscriberToken({ secret: APP_SECRET, purpose: "manage", subscriberId: reader.id, now: new Date() });
    const again = `/subscription/${token}?done=busy`;
    expectBusyPage(await locked(["subscribers"], () => page(again)));
    // The subscriber read, the reader's follows not: the page's second read.
    expectBusyPage(await locked(["follows"], () => page(again)));

    const after = await page(again);
    expect(after.res.status).toBe(200);
    expect(cheerio.load(after.html)("[role=status]").first().text()).toContain("nothing was changed");
    expect(after.html).toContain("busy-manage@example.org");
  });
});
