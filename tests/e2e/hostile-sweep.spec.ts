// hostile sweep: every page and route found on disk (src/app, src/pages), against the built app, answers hostile parameters (NUL bytes,
// percent-escapes, huge numbers, far dates, over-long strings, tsquery syntax) without a 5xx or a stack trace; every public POST
// refuses an oversized body with 413, and server actions called cross-origin, anonymously or with forged arguments answer 4xx.
// Admin pages and routes are swept signed in (Authorization: Bearer), so their searches and ids are reached too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { MAX_PUBLIC_BODY_BYTES } from "../../src/server/http/body-limits";
import { appEntries, fillSegments, isAdminPath, ROOT, UNKNOWN_API_ROUTE, type TAppEntry } from "./support/app-routes";
import { E2E_ADMIN_TOKEN } from "./support/constants";

/** Values inserted into path segments as written: raw escapes first (NUL, a decoded "%", broken UTF-8), then encoded text. */
const HOSTILE_VALUES = [
  "%00",
  "a%00b",
  "%25",
  "%2500",
  "%E0%A4%A",
  "%C0%80",
  "99999999999999999999",
  "2147483648",
  "p-2147483648",
  "-1",
  "1e400",
  "9999-W52",
  "1000-W01",
  "9999-12-31",
  "0000-00-00",
  "9999-13",
  "x".repeat(5_000),
  ...["'&|!:*()<->\\", '"unclosed author:"', "a <-> !(b | c) & d:*", "-", "OR OR"].map(encodeURIComponent),
];

/** The subset tried on every query parameter (each parameter gets each value alone, so no other parameter's check hides it). */
const HOSTILE_PARAM_VALUES = [
  "%00",
  "a%00b",
  "%25",
  "%E0%A4%A",
  "99999999999999999999",
  "-1",
  "9999-W52",
  "9999-12-31",
  "x".repeat(5_000),
  encodeURIComponent("'&|!:*()<->\\"),
];

/** Every query parameter some page or route reads. */
const PARAMS = [
  ...["q", "cat", "code", "min", "sort", "cursor", "limit", "view", "date", "token", "keywords", "id", "before", "action"],
  ...["status", "mode", "hidden", "preview", "notice", "error", "welcome", "done", "deleted"],
];

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const ADMIN_AUTH = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

const entries = appEntries();

function urlsFor(entry: TAppEntry): string[] {
  const bases = entry.path.includes("[") ? HOSTILE_VALUES.map((v) => fillSegments(entry.path, v)) : [entry.path];
  if (!entry.readsQuery) return bases;
  const plain = fillSegments(entry.path, "1");
  return [...bases, ...PARAMS.flatMap((p) => HOSTILE_PARAM_VALUES.map((v) => `${plain}?${p}=${v}`))];
}

async function expectSane(res: APIResponse, label: string): Promise<void> {
  expect(res.status(), label).toBeLessThan(500);
  expect(await res.text(), label).not.toMatch(STACK_TRACE);
}

/** Runs the requests a few at a time: the app is a real server, and the machine is small. */
async function inBatches<T>(items: T[], run: (item: T) => Promise<void>, size = 4): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** Server actions and the pages they are bound to, from the build's manifest (ids change with every build). */
function serverActions(): { id: string; name: string; pages: string[] }[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    name: a.exportedName,
    pages: Object.keys(a.workers).map((w) => w.replace(/^app/, "").replace(/\/page$/, "") || "/"),
  }));
}

test("hostile sweep: finds the pages and routes on disk", () => {
  const paths = entries.map((e) => e.path);
  expect(paths).toEqual(
    expect.arrayContaining(["/", "/search", "/papers/[id]", "/papers/week/[period]/[[...view]]", "/api/papers", "/search/feed.xml", "/admin/mail/[id]"]),
  );
  expect(entries.find((e) => e.path === "/papers/date/[period]/[[...view]]")?.readsQuery).toBe(true);
});

for (const entry of entries) {
  test(`hostile sweep: ${entry.path} (${entry.file}) answers hostile parameters without a 5xx or a stack trace`, async ({ request }) => {
    test.setTimeout(300_000);
    const headers = isAdminPath(entry.path) ? ADMIN_AUTH : {};
    const methods = entry.kind === "page" ? ["GET"] : entry.methods.filter((m) => m !== "OPTIONS");
    await inBatches(urlsFor(entry), async (url) => {
      for (const method of methods) {
        await expectSane(await request.fetch(url, { method, headers, maxRedirects: 0 }), `${method} ${url.slice(0, 200)}`);
      }
    });
  });
}

/** JSON bodies for POST routes: each names every parameter (so strict schemas refuse them before anything is written). */
const HOSTILE_BODIES = ["\u0000", "a\u0000b", "%00", "99999999999999999999", "9999-W52", "x".repeat(5_000), "'&|!:*()"].map((v) =>
  JSON.stringify(Object.fromEntries([...PARAMS, "email", "frequency", "source", "body", "url", "week"].map((p) => [p, v]))),
);

test("hostile sweep: POST routes answer hostile JSON bodies without a 5xx or a stack trace", async ({ request }) => {
  for (const entry of entries.filter((e) => e.kind === "route" && e.methods.includes("POST"))) {
    const url = fillSegments(entry.path, "1");
    for (const data of [...HOSTILE_BODIES, "not json", "[]", "null", '{"__proto__":{"x":1}}']) {
      const headers = { ...(isAdminPath(url) ? ADMIN_AUTH : {}), "content-type": "application/json" };
      await expectSane(await request.post(url, { headers, data, maxRedirects: 0 }), `POST ${url} ${data.slice(0, 60)}`);
    }
  }
});

/**
 * Public POST endpoints: route handlers that answer an anonymous POST with something other than 401, and pages with server actions. The
 * catch-all for unknown API addresses reads no body, so there is none to cap.
 */
async function publicPostRoutes(request: APIRequestContext): Promise<string[]> {
  const routes = entries
    .filter((e) => e.kind === "route" && e.methods.includes("POST") && !isAdminPath(e.path) && e.path !== UNKNOWN_API_ROUTE)
    .map((e) => fillSegments(e.path, "1"));
  const open: string[] = [];
  for (const url of routes) if ((await request.post(url, { data: "", maxRedirects: 0 })).status() !== 401) open.push(url);
  return open;
}

test("hostile sweep: every public POST refuses an oversized body with 413", async ({ request }) => {
  const oversized = "x".repeat(MAX_PUBLIC_BODY_BYTES * 4);
  const routes = await publicPostRoutes(request);
  expect(routes).toEqual(expect.arrayContaining(["/api/subscribe", "/api/unsubscribe"]));
  for (const url of routes) {
    const res = await request.post(url, { headers: { "content-type": "application/json" }, data: oversized, maxRedirects: 0 });
    expect(res.status(), `POST ${url}`).toBe(413);
  }
  const actionPages = [...new Set(serverActions().flatMap((a) => a.pages))].filter((p) => !isAdminPath(p) || p === "/admin/login");
  expect(actionPages).toEqual(expect.arrayContaining(["/admin/login"]));
  // The subscribe form posts to a page of its own, which the proxy holds to the public cap like an action post.
  expect((await request.post("/subscribe/submit", { form: { email: "a@example.org", field: oversized }, maxRedirects: 0 })).status()).toBe(413);
  for (const action of serverActions()) {
    for (const page of action.pages.filter((p) => actionPages.includes(p))) {
      const url = fillSegments(page, "abcdefghijklmnop");
      const asFetch = await request.post(url, { headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8" }, data: oversized });
      expect(asFetch.status(), `${action.name} on ${url}`).toBe(413);
      const asForm = await request.post(url, { multipart: { [`$ACTION_ID_${action.id}`]: "", field: oversized } });
      expect(asForm.status(), `${action.name} on ${url}, posted as a form`).toBe(413);
    }
  }
});

test("hostile sweep: a form post to any page with a form whose multipart body does not parse answers 400, never 5xx", async ({ request, baseURL }) => {
  const pages = [...new Set(serverActions().flatMap((a) => a.pages)), "/subscribe/submit"].map((p) => fillSegments(p, "abcdefghijklmnop"));
  expect(pages).toEqual(expect.arrayContaining(["/admin/login", "/subscribe/submit"]));
  for (const url of pages) {
    for (const type of ["multipart/form-data; boundary=x", "multipart/form-data"]) {
      const res = await request.post(url, { headers: { "content-type": type, origin: baseURL! }, data: "garbage%%%=&&", maxRedirects: 0 });
      expect(res.status(), `${url} as ${type}`).toBe(400);
    }
  }
});

test("hostile sweep: server actions called cross-origin, anonymously or with forged arguments answer 4xx, never 5xx", async ({ request, baseURL }) => {
  for (const action of serverActions()) {
    for (const page of action.pages) {
      const url = fillSegments(page, "abcdefghijklmnop");
      const call = (data: string, headers: Record<string, string> = {}) =>
        request.post(url, { headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", ...headers }, data, maxRedirects: 0 });
      const crossOrigin = await call("[]", { origin: "https://evil.example" });
      expect(crossOrigin.status(), `${action.name} on ${url} from another origin`).toBe(403);
      for (const data of ["[]", "[null]", '[null,{"a":1}]', '["\\u0000"]', '[{"$ACTION_ID":"x"}]']) {
        await expectSane(await call(data, { origin: baseURL! }), `${action.name} on ${url} with ${data}`);
      }
      // Bound arguments that are not JSON: Next answered them with a 500.
      const unreadable = await request.post(url, {
        headers: { origin: baseURL!, ...(isAdminPath(page) ? ADMIN_AUTH : {}) },
        multipart: { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: action.id, bound: "$@1" }), "$ACTION_1:1": "notjson" },
        maxRedirects: 0,
      });
      expect(unreadable.status(), `${action.name} on ${url} with bound arguments that are not JSON`).toBe(400);
      // A form whose token holds a line break: echoed into a redirect's Location, it was a 500.
      for (const token of ["abcdefghijklmnop\n", "abcdefghijklmnop\r\nSet-Cookie: x=1"]) {
        const posted = await request.post(url, { headers: { origin: baseURL! }, multipart: { [`$ACTION_ID_${action.id}`]: "", token }, maxRedirects: 0 });
        await expectSane(posted, `${action.name} on ${url} posted a token with a line break`);
        expect(posted.headers()["set-cookie"] ?? "", `${action.name} on ${url}`).not.toContain("x=1");
      }
    }
  }
});

test("hostile sweep: a post naming an action this build does not have, or not on that page, is answered before Next, as JSON with the header its router reads", async ({
  request,
  baseURL,
}) => {
  const stale = "7f" + "0".repeat(40);
  const pages = [...new Set(serverActions().flatMap((action) => action.pages))];
  for (const page of pages) {
    const url = fillSegments(page, "abcdefghijklmnop");
    const headers = { origin: baseURL!, ...(isAdminPath(page) ? ADMIN_AUTH : {}) };
    const called = await request.post(url, {
      headers: { ...headers, "next-action": stale, "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(called.status(), `${url} called with a stale id`).toBe(409);
    expect(called.headers()["x-nextjs-action-not-found"]).toBe("1");
    expect(await called.json()).toMatchObject({ error: { code: "CONFLICT" } });
    const posted = await request.post(url, { headers, multipart: { [`$ACTION_ID_${stale}`]: "", token: "x" }, maxRedirects: 0 });
    expect(posted.status(), `${url} posted a form with a stale id`).toBe(409);
    // An action of this build bound to other pages only: Next forwarded it to one of them, and a forged post ended in a stack trace.
    const elsewhere = serverActions().find((action) => !action.pages.includes(page));
    if (elsewhere) {
      const forwarded = await request.post(url, {
        headers: { ...headers, "next-action": elsewhere.id, "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
        maxRedirects: 0,
      });
      expect(forwarded.status(), `${url} called with ${elsewhere.name} of ${elsewhere.pages.join(", ")}`).toBe(409);
    }
    const unnamed = await request.post(url, { headers, multipart: { token: "x" }, maxRedirects: 0 });
    expect(unnamed.status(), `${url} posted a form naming no action`).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
  }
});

test("hostile sweep: behind a reverse proxy that sends its own Host, a form posted from the site's own pages (Origin = APP_URL) is taken", async ({
  request,
  baseURL,
}) => {
  // nginx's default proxy_pass sends `Host: localhost:<port>`; the browser's Origin is the public address, APP_URL (here baseURL).
  const login = serverActions().find((action) => action.pages.includes("/admin/login"));
  expect(login).toBeDefined();
  const proxied = { host: `localhost:${new URL(baseURL!).port}`, origin: baseURL! };
  const posted = await request.post("/admin/login", {
    headers: proxied,
    multipart: { [`$ACTION_ID_${login!.id}`]: "", credential: "not-the-token" },
    maxRedirects: 0,
  });
  await expectSane(posted, "a sign-in posted through a proxy");
  expect(posted.status(), "a sign-in posted through a proxy").not.toBe(403);
  // Taken: the action ran and sent the visitor back to the sign-in page (its message travels in a cookie).
  expect([posted.status(), posted.headers().location]).toEqual([303, "/admin/login"]);
  // Another origin is still refused, whatever the Host.
  const forged = await request.post("/admin/login", {
    headers: { ...proxied, origin: "https://evil.example" },
    multipart: { [`$ACTION_ID_${login!.id}`]: "", credential: "not-the-token" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  // A forged X-Forwarded-Host, with no proxy trusted to send one, is nobody's word: Next compared the Origin with it, aborted the action
  // with a 500 and logged it five lines at a time.
  const forwarded: Record<string, string>[] = [{ "x-forwarded-host": "evil.example" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }];
  for (const headers of forwarded) {
    const spoofed = await request.post("/admin/login", {
      headers: { ...headers, origin: baseURL! },
      multipart: { [`$ACTION_ID_${login!.id}`]: "", credential: "not-the-token" },
      maxRedirects: 0,
    });
    expect([spoofed.status(), spoofed.headers().location], JSON.stringify(headers)).toEqual([303, "/admin/login"]);
    const called = await request.post("/admin/login", {
      headers: { ...headers, origin: baseURL!, "next-action": login!.id, "content-type": "text/plain;charset=UTF-8" },
      data: '[{"credential":"not-the-token"}]',
      maxRedirects: 0,
    });
    await expectSane(called, `a sign-in called with ${JSON.stringify(headers)}`);
  }
});
