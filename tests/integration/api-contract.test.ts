// The JSON API answers as /api/openapi.json says. A real server (the production build behind the app's own server, on real
// PostgreSQL with the demo papers) is sent every documented route, method and status, and each answer is validated with Ajv
// (JSON Schema 2020-12) against the schema the served document gives for that status. Route files on disk and the document
// must list the same routes, so a new route is documented or excluded on purpose.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_COOKIE } from "../../src/server/auth/admin-cookie";
import { createAdminSession } from "../../src/server/auth/admin-session";
import { API_ROUTES, UNDOCUMENTED_ROUTES, type TApiRoute } from "../../src/server/http/api-routes";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "../../src/server/http/body-limits";
import { seedDemo } from "../../src/server/ingest/seed-demo";
import { SUBSCRIBE_IP_LIMIT } from "../../src/server/subscriptions/subscription-limits";
import { appEntries, fillSegments, UNKNOWN_API_ROUTE } from "../e2e/support/app-routes";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT, cleanEnv, startWebServer, type TWebServer } from "./helpers/run-script";
import { testPort } from "./helpers/worker";

const ADMIN_TOKEN = "api-admin-token-0123456789";
const APP_SECRET = "api-app-secret-0123456789abcdef";
const db = testDb();

type TDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown>; headers?: Record<string, unknown> }> }>>;
};

let base: string;
let server: TWebServer | undefined;
let doc: TDocument;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
// The document's own fields, so Ajv's strict mode accepts the document as the root the schemas' $refs resolve against.
for (const keyword of ["openapi", "info", "paths", "components"]) ajv.addKeyword({ keyword });

beforeAll(async () => {
  await resetDb(db);
  await seedDemo({ db, samplesDir: path.join(ROOT, "samples"), clock: () => new Date() });
  const port = await testPort(3261);
  base = `http://127.0.0.1:${port}`;
  const env = cleanEnv({
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-api-")),
    PORT: String(port),
    APP_URL: base,
    ADMIN_TOKEN,
    CRON_SECRET: "api-cron-secret-0123456789",
    APP_SECRET,
    NODE_ENV: "production",
  });
  // The web server alone, with no workers: a queued run stays queued, so the same request again is a sure 409.
  server = await startWebServer(env);
  const served = await fetch(`${base}/api/openapi.json`);
  expect(served.status).toBe(200);
  doc = (await served.json()) as TDocument;
  ajv.addSchema(doc, "openapi.json");
}, 900_000);

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Fails with Ajv's errors unless `value` matches the schema at `location` in the served document. */
function expectValid(location: string[], value: unknown, what: string): void {
  const validate = ajv.getSchema(`openapi.json#/${pointer(...location)}`);
  if (!validate) throw new Error(`no schema at ${location.join(" > ")}`);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`${what} does not match the document:\n${[...new Set(errors)].slice(0, 10).join("\n")}\n${JSON.stringify(value).slice(0, 500)}`);
  }
}

type TCall = { method: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string };

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Sends the call, then checks its status is documented for the route and the answer matches that status's schema and headers. */
async function conforms(route: TApiRoute, call: TCall, expectedStatus: number): Promise<Response> {
  const query = call.query ? `?${new URLSearchParams(call.query)}` : "";
  const res = await fetch(`${base}${call.path}${query}`, { method: call.method, headers: call.headers, body: call.body });
  const text = await res.text();
  expect(res.status, `${call.method} ${call.path} answered ${text.slice(0, 300)}`).toBe(expectedStatus);
  const documented = doc.paths[route.path]?.[route.method.toLowerCase()]?.responses[String(res.status)];
  expect(documented, `${route.method} ${route.path} does not document ${res.status}`).toBeDefined();
  const [mediaType] = Object.keys(documented!.content);
  expect(res.headers.get("content-type") ?? "").toContain(mediaType);
  for (const header of Object.keys(documented!.headers ?? {})) expect(res.headers.get(header), header).toBeTruthy();
  const value = mediaType === "application/json" ? (JSON.parse(text) as unknown) : text;
  expectValid(
    ["paths", route.path, route.method.toLowerCase(), "responses", String(res.status), "content", mediaType!, "schema"],
    value,
    `${call.method} ${call.path} ${res.status}`,
  );
  return new Response(text, { status: res.status, headers: res.headers });
}

const routeOf = (method: string, p: string) => {
  const route = API_ROUTES.find((r) => r.method === method && r.path === p);
  if (!route) throw new Error(`${method} ${p} is not in API_ROUTES`);
  return route;
};

/** What the route's example asks, as the /api page's curl sends it. */
function exampleCall(route: TApiRoute): TCall {
  return {
    method: route.method,
    path: route.example.path,
    query: route.example.query,
    headers: { ...(route.auth === "admin" ? admin : {}), ...(route.example.body ? { "content-type": "application/json" } : {}) },
    body: route.example.body ? JSON.stringify(route.example.body) : undefined,
  };
}

/** Every documented answer but these is produced below; these need a failure the test cannot cause on a healthy server. */
const NOT_PRODUCED: Record<string, string> = {
  "GET /api/health 503": "needs an unreachable or unmigrated database",
};
const isInternal = (status: string) => status === "500";

/** The answers produced, as "METHOD /path status", to hold against the document at the end. */
const produced = new Set<string>();

async function expectAnswer(method: string, p: string, call: Omit<TCall, "method">, status: number): Promise<Response> {
  const res = await conforms(routeOf(method, p), { method, ...call }, status);
  produced.add(`${method} ${p} ${status}`);
  return res;
}

describe("the served document", () => {
  it("is OpenAPI 3.1 whose every schema compiles as JSON Schema 2020-12", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          for (const mediaType of Object.keys(response.content)) {
            expect(ajv.getSchema(`openapi.json#/${pointer("paths", p, method, "responses", status, "content", mediaType, "schema")}`)).toBeTruthy();
          }
        }
      }
    }
  });

  it("documents every route handler under src/app/api, unless it is excluded with a reason, and nothing that is not on disk", () => {
    const onDisk = appEntries()
      .filter((e) => e.kind === "route" && e.path.startsWith("/api/"))
      .flatMap((e) => e.methods.map((m) => `${m} ${e.path.replace(/\[([^\]]+)\]/g, "{$1}")}`));
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    const excluded = onDisk.filter((entry) => UNDOCUMENTED_ROUTES[entry.split(" ")[1]!]);
    expect(new Set(onDisk)).toEqual(new Set([...documented, ...excluded]));
    expect(excluded.length).toBeGreaterThan(0);
    expect(documented.filter((entry) => UNDOCUMENTED_ROUTES[entry.split(" ")[1]!])).toEqual([]);
  });

  it("every example on the /api page is a valid request by the document", () => {
    for (const route of API_ROUTES) {
      const op = ["paths", route.path, route.method.toLowerCase()];
      if (route.example.body)
        expectValid([...op, "requestBody", "content", "application/json", "schema"], route.example.body, `${route.operationId}'s example`);
      const parameters = (doc.paths[route.path]![route.method.toLowerCase()] as { parameters?: { name: string; in: string }[] }).parameters ?? [];
      for (const [name, value] of Object.entries(route.example.query ?? {})) {
        const i = parameters.findIndex((p) => p.name === name && p.in === "query");
        expect(i, `${route.operationId}: query parameter ${name} is not documented`).toBeGreaterThanOrEqual(0);
        const schema = ajv.getSchema(`openapi.json#/${pointer(...op, "parameters", String(i), "schema")}`)!;
        // Query values are strings on the wire; a numeric schema documents the number they spell.
        expect(schema(value) || schema(Number(value)), `${route.operationId}: ${name}=${value}`).toBe(true);
      }
    }
  });
});

describe("every route answers as documented", () => {
  it("each route's example answers its documented success", async () => {
    for (const route of API_ROUTES) {
      const success = route.responses.find((r) => r.status < 300)!.status;
      await conforms(route, exampleCall(route), success);
      produced.add(`${route.method} ${route.path} ${success}`);
    }
  });

  it("GET /api/papers: pages by cursor; a bad parameter is a 400", async () => {
    const first = (await (await expectAnswer("GET", "/api/papers", { path: "/api/papers", query: { limit: "3" } }, 200)).json()) as { nextCursor: string };
    expect(first.nextCursor).toBeTruthy();
    await expectAnswer("GET", "/api/papers", { path: "/api/papers", query: { limit: "3", cursor: first.nextCursor, code: "1", min: "1" } }, 200);
    await expectAnswer("GET", "/api/papers", { path: "/api/papers", query: { limit: "1000" } }, 400);
    await expectAnswer("GET", "/api/papers", { path: "/api/papers", query: { sort: "best" } }, 400);
    const excludesOnly = await expectAnswer("GET", "/api/papers", { path: "/api/papers", query: { q: "-diffusion -model" } }, 400);
    expect(((await excludesOnly.json()) as { error: { message: string } }).error.message).toContain("Add a word to search for");
  });

  it("GET /api/papers/{id}: 404 for an unknown paper, 400 for an id past 300 characters", async () => {
    await expectAnswer("GET", "/api/papers/{id}", { path: "/api/papers/9999.99999" }, 404);
    await expectAnswer("GET", "/api/papers/{id}", { path: `/api/papers/${"x".repeat(301)}` }, 400);
  });

  it("POST /api/subscribe: 400 for bad input, 413 past the body limit, 415 for another content type or charset, 429 past the per-client limit", async () => {
    const route = { path: "/api/subscribe" };
    const utf16 = { "content-type": "application/json; charset=utf-16" };
    await expectAnswer("POST", route.path, { ...route, headers: utf16, body: JSON.stringify({ email: "a@example.org" }) }, 415);
    await expectAnswer("POST", route.path, { ...route, ...json({ email: "not an address" }) }, 400);
    await expectAnswer("POST", route.path, { ...route, headers: { "content-type": "text/plain" }, body: "email=a@example.org" }, 415);
    await expectAnswer("POST", route.path, { ...route, ...json({ email: "a@example.org", website: "x".repeat(MAX_PUBLIC_BODY_BYTES) }) }, 413);
    let status = 202;
    for (let i = 0; i <= SUBSCRIBE_IP_LIMIT.limit && status === 202; i++) {
      const res = await fetch(`${base}${route.path}`, { method: "POST", ...json({ email: `reader${i}@example.org` }) });
      status = res.status;
      await res.arrayBuffer();
    }
    await expectAnswer("POST", route.path, { ...route, ...json({ email: "one.more@example.org" }) }, 429);
  });

  it("GET /api/admin/ingest: pages by cursor; 400 for a bad limit; 401 without the token; the session cookie works as the token does", async () => {
    const p = "/api/admin/ingest";
    const page = (await (await expectAnswer("GET", p, { path: p, headers: admin, query: { limit: "1" } }, 200)).json()) as { nextCursor: number };
    expect(page.nextCursor).toBeGreaterThan(0);
    await expectAnswer("GET", p, { path: p, headers: admin, query: { limit: "1", cursor: String(page.nextCursor) } }, 200);
    await expectAnswer("GET", p, { path: p, headers: admin, query: { limit: "0" } }, 400);
    await expectAnswer("GET", p, { path: p }, 401);
    await expectAnswer("GET", p, { path: p, headers: { authorization: "Bearer not-the-token-0123456789" } }, 401);
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "api-test", now: new Date() });
    await expectAnswer("GET", p, { path: p, headers: { cookie: `${ADMIN_COOKIE}=${session.value}` } }, 200);
  });

  it("POST /api/admin/ingest: 400, 401, 409 with the active run's id, 413, 415", async () => {
    const p = "/api/admin/ingest";
    const headers = { ...admin, "content-type": "application/json" };
    await expectAnswer("POST", p, { path: p, headers: { ...admin, "content-type": "text/plain" }, body: "source=hf-daily" }, 415);
    await expectAnswer("POST", p, { path: p, headers: { ...headers, "content-encoding": "gzip" }, body: JSON.stringify({ source: "hf-daily" }) }, 415);
    await expectAnswer("POST", p, { path: p, headers, body: JSON.stringify({ source: "hf-daily", week: "2026-99" }) }, 400);
    await expectAnswer("POST", p, { path: p, headers, body: "not json" }, 400);
    await expectAnswer("POST", p, { path: p, headers: { "content-type": "application/json" }, body: JSON.stringify({ source: "hf-daily" }) }, 401);
    const queued = (await (
      await fetch(`${base}${p}`, { method: "POST", headers, body: JSON.stringify({ source: "arxiv-rss", category: "cs.CL" }) })
    ).json()) as {
      runId: number;
    };
    const conflict = (await (
      await expectAnswer("POST", p, { path: p, headers, body: JSON.stringify({ source: "arxiv-rss", category: "cs.CL" }) }, 409)
    ).json()) as { error: { runId: number } };
    expect(conflict.error.runId).toBe(queued.runId);
    const paste = JSON.stringify({ source: "text", body: "x".repeat(MAX_PASTE_BYTES) });
    await expectAnswer("POST", p, { path: p, headers, body: paste }, 413);
  });

  it("POST /api/admin/ingest with the session cookie: 403 unless it comes from this site's own pages, which a cross-site page cannot fake", async () => {
    const p = "/api/admin/ingest";
    const session = await createAdminSession({ db, secret: APP_SECRET, subject: "csrf-test", now: new Date() });
    const cookie = `${ADMIN_COOKIE}=${session.value}`;
    const listing = (title: string) => JSON.stringify({ source: "text", body: `${title}\nAn abstract long enough to be one, about forged requests.\n` });
    // What a page on another site can send without a preflight: a simple content type, the browser adding the cookie and its Origin.
    const forged: Record<string, string>[] = [
      { cookie, origin: "http://evil.example", "content-type": "text/plain" },
      { cookie, origin: "http://evil.example", "content-type": "application/json" },
      { cookie, origin: "null", "content-type": "application/json" },
    ];
    for (const headers of forged) {
      await expectAnswer("POST", p, { path: p, headers, body: listing(`Forged Run ${Date.now()}`) }, 403);
    }
    const own = { cookie, origin: base, "content-type": "application/json" };
    await expectAnswer("POST", p, { path: p, headers: own, body: listing(`Console Run ${Date.now()}`) }, 202);
    // A client that names no origin is no browser (a script holding the cookie), so no other site's page is behind it.
    await expectAnswer("POST", p, { path: p, headers: { cookie, "content-type": "application/json" }, body: listing(`Script Run ${Date.now()}`) }, 202);
  });

  it("GET /api/admin/ingest/runs/{id}: 404 for an unknown run, 401 without the token", async () => {
    const p = "/api/admin/ingest/runs/{id}";
    await expectAnswer("GET", p, { path: "/api/admin/ingest/runs/999999", headers: admin }, 404);
    await expectAnswer("GET", p, { path: "/api/admin/ingest/runs/abc", headers: admin }, 404);
    await expectAnswer("GET", p, { path: "/api/admin/ingest/runs/1" }, 401);
  });

  it("GET /api/admin/subscribers.csv: 401 without the token", async () => {
    await expectAnswer("GET", "/api/admin/subscribers.csv", { path: "/api/admin/subscribers.csv" }, 401);
  });

  it("every route handler (the API, feeds, robots.txt, …) answers a method it does not take with 405, the methods it takes in Allow, and OPTIONS with the same list", async () => {
    // An unknown address under /api/ is a 404 for every method, OPTIONS included (tests/e2e/http-edges.spec.ts).
    const routes = appEntries().filter((e) => e.kind === "route" && e.path !== UNKNOWN_API_ROUTE);
    expect(routes.filter((e) => e.path.startsWith("/api/")).length).toBeGreaterThan(10);
    expect(routes.map((e) => e.path)).toEqual(expect.arrayContaining(["/feed.xml", "/robots.txt", "/sitemap.xml", "/feedback/[token]", "/thumbnails/[file]"]));
    for (const route of routes) {
      const url = `${base}${fillSegments(route.path, "1")}`;
      const allow = [...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort();
      const options = await fetch(url, { method: "OPTIONS", headers: admin });
      expect(options.status, `OPTIONS ${route.path}`).toBe(204);
      expect(options.headers.get("allow")?.split(", ").sort(), `OPTIONS ${route.path}`).toEqual(allow);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !route.methods.includes(m))) {
        const res = await fetch(url, { method, headers: admin });
        const body = (await res.json()) as { error?: { code?: string } };
        expect(res.status, `${method} ${route.path}`).toBe(405);
        expect(res.headers.get("allow")?.split(", ").sort(), `${method} ${route.path}`).toEqual(allow);
        expect(body.error?.code).toBe("METHOD_NOT_ALLOWED");
      }
    }
  });

  it("every documented answer was produced, but internal errors and the ones that need a broken server", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).flatMap(([m, op]) => Object.keys(op.responses).map((status) => `${m.toUpperCase()} ${p} ${status}`)),
    );
    const expected = documented.filter((entry) => !isInternal(entry.split(" ")[2]!) && !NOT_PRODUCED[entry]);
    expect([...produced].sort()).toEqual(expected.sort());
  });
});
