// admin sweep: every admin page, route handler and server-action endpoint found on disk refuses an anonymous request over HTTP.
import { expect, test } from "@playwright/test";
import { appEntries, fillSegments, isAdminPath } from "./support/app-routes";

const PUBLIC_PAGES = new Set(["/admin/login"]);

const admin = appEntries().filter((e) => isAdminPath(e.path));
const pages = admin
  .filter((e) => e.kind === "page")
  .map((e) => fillSegments(e.path, "1"))
  .filter((u) => !PUBLIC_PAGES.has(u));
const routes = admin.filter((e) => e.kind === "route").map((e) => ({ url: fillSegments(e.path, "1"), methods: e.methods }));

test("admin sweep: finds the admin surface", () => {
  expect(pages).toEqual(expect.arrayContaining(["/admin", "/admin/papers", "/admin/ingestion"]));
  expect(routes.map((r) => r.url)).toContain("/api/admin/subscribers.csv");
  for (const r of routes) expect(r.methods.length, r.url).toBeGreaterThan(0);
});

test("admin sweep: anonymous page views and server-action posts are sent to /admin/login", async ({ request }) => {
  for (const url of pages) {
    const view = await request.get(url, { maxRedirects: 0 });
    expect([303, 307, 401], `GET ${url}`).toContain(view.status());
    if (view.status() !== 401) expect(new URL(view.headers().location!, "http://x").pathname, url).toBe("/admin/login");
    const action = await request.post(url, {
      maxRedirects: 0,
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect([303, 307, 401], `POST action ${url}`).toContain(action.status());
  }
});

test("admin sweep: every exported method of every admin route answers 401 without credentials or with a wrong token", async ({ request }) => {
  for (const { url, methods } of routes) {
    for (const method of methods) {
      for (const headers of [{}, { Authorization: "Bearer wrong-token-0123456789" }] as Record<string, string>[]) {
        const res = await request.fetch(url, { method, headers, maxRedirects: 0 });
        expect(res.status(), `${method} ${url}`).toBe(401);
      }
    }
  }
});

test("admin sweep: a forged session cookie is refused", async ({ request }) => {
  const res = await request.get("/admin", { maxRedirects: 0, headers: { Cookie: "pd_admin=eyJzdWIiOiJhZG1pbiIsImV4cCI6OTk5OTk5OTk5OTk5OX0.forged" } });
  expect(res.status()).toBe(303);
});
