// The ingestion HTTP contract, calling the route handlers with real Requests: auth, validation, 202 {runId}, 409 with the active run, status reads, cron.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const ADMIN = "admin-token-0123456789";
const CRON = "cron-secret-0123456789";
const db = testDb();

type TRoutes = {
  ingest: typeof import("../../src/app/api/admin/ingest/route");
  run: typeof import("../../src/app/api/admin/ingest/runs/[id]/route");
  cron: typeof import("../../src/app/api/cron/ingest/route");
};
let routes: TRoutes;

const post = (body: string, token = ADMIN) =>
  routes.ingest.POST(
    new Request("http://app/api/admin/ingest", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }),
  );
const getRun = (id: string | number, token = ADMIN) =>
  routes.run.GET(new Request(`http://app/api/admin/ingest/runs/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: String(id) }),
  });

beforeAll(async () => {
  await resetDb(db);
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-routes-")),
    ADMIN_TOKEN: ADMIN,
    CRON_SECRET: CRON,
    APP_SECRET: "s".repeat(32),
    INGEST_SOURCES: "hf-daily,arxiv-rss:cs.CL",
    LOG_LEVEL: "silent",
  });
  routes = {
    ingest: await import("../../src/app/api/admin/ingest/route"),
    run: await import("../../src/app/api/admin/ingest/runs/[id]/route"),
    cron: await import("../../src/app/api/cron/ingest/route"),
  };
});
afterAll(async () => {
  const queue = (globalThis as { paperDigestIngestQueue?: Promise<PgBoss> }).paperDigestIngestQueue;
  if (queue) await (await queue).stop({ graceful: false, wait: true });
  await db.$disconnect();
});

describe("POST /api/admin/ingest", () => {
  it("needs the admin token", async () => {
    const res = await post(JSON.stringify({ source: "hf-daily" }), "wrong-token-0123456789");
    expect(res.status).toBe(401);
    expect(await db.ingestRun.count()).toBe(0);
  });

  it.each([
    ["not json", /must be JSON/],
    [JSON.stringify({ source: "nope" }), /source/],
    [JSON.stringify({ source: "hf-daily", week: "2026-99" }), /week: must be an ISO week/],
    // A typo for 2026: a period no source lists, refused instead of queued as a run bound to fail.
    [JSON.stringify({ source: "hf-daily", date: "1026-05-08" }), /date: must fall within the listings, from 1991-08-14 to /],
    [JSON.stringify({ source: "hf-daily", date: "2026-05-08", month: "2026-05" }), /at most one of date, week or month/],
    [JSON.stringify({ source: "arxiv-rss" }), /needs a category/],
    [JSON.stringify({ source: "hf-daily", extra: 1 }), /extra/],
    // Refused when asked, as the fetcher would refuse it: not queued as a run bound to fail.
    [JSON.stringify({ source: "hf-daily", url: "https://evil.example/x" }), /url: .*host evil\.example is not allow-listed/],
    [JSON.stringify({ source: "hf-daily", url: "http://127.0.0.1:5432/" }), /url: .*loopback address/],
  ])("answers 400 with a clear message for %s", async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("INVALID_INPUT");
    expect(json.error.message).toMatch(message);
    expect(await db.ingestRun.count()).toBe(0);
  });

  it("queues a run (202 {runId}); the same request while it is active answers 409 with that run's id", async () => {
    const first = await post(JSON.stringify({ source: "hf-daily", date: "2026-05-08" }));
    expect(first.status).toBe(202);
    const { runId } = (await first.json()) as { runId: number };
    expect(runId).toBeGreaterThan(0);

    const second = await post(JSON.stringify({ date: "2026-05-08", source: "hf-daily" }));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "CONFLICT", runId } });

    const status = await getRun(runId);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id: runId, source: "hf-daily", status: "queued", params: { date: "2026-05-08" }, counts: { found: 0 } });
    const job = await db.$queryRawUnsafe<{ data: { runId: number } }[]>(`SELECT data FROM pgboss.job WHERE name = 'ingest-run'`);
    expect(job.map((j) => j.data.runId)).toContain(runId);
  });
});

describe("GET /api/admin/ingest", () => {
  it.each([
    ["limit=x", "limit: must be a whole number from 1 to 100"],
    ["limit=0", "limit: must be a whole number from 1 to 100"],
    ["limit=101", "limit: must be a whole number from 1 to 100"],
    // A whole number, just beyond any run id: the message names the range, not "must be a whole number".
    ["cursor=99999999999999", "cursor: must be a whole number from 1 to 2147483647"],
    ["cursor=abc", "cursor: must be a whole number from 1 to 2147483647"],
  ])("answers %s with a 400 naming the range", async (query, message) => {
    const res = await routes.ingest.GET(new Request(`http://app/api/admin/ingest?${query}`, { headers: { authorization: `Bearer ${ADMIN}` } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  it("lists runs with a page size that parses", async () => {
    const res = await routes.ingest.GET(new Request("http://app/api/admin/ingest?limit=5", { headers: { authorization: `Bearer ${ADMIN}` } }));
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { runs: unknown[] }).runs)).toBe(true);
  });
});

describe("GET /api/admin/ingest/runs/<id>", () => {
  it("answers 404 for an unknown or malformed id and 401 without the token", async () => {
    expect((await getRun(99999)).status).toBe(404);
    expect((await getRun("abc")).status).toBe(404);
    expect((await getRun(1, "nope-nope-nope-nope")).status).toBe(401);
  });
});

describe("/api/cron/ingest", () => {
  it("needs the cron secret, then queues each configured source and reports already-active ones", async () => {
    const denied = await routes.cron.POST(new Request("http://app/api/cron/ingest", { method: "POST", headers: { authorization: `Bearer ${ADMIN}` } }));
    expect(denied.status).toBe(401);
    const res = await routes.cron.GET(new Request("http://app/api/cron/ingest", { headers: { authorization: `Bearer ${CRON}` } }));
    expect(res.status).toBe(202);
    const { runs } = (await res.json()) as { runs: { runKey: string; runId: number; queued: boolean }[] };
    expect(runs.map((r) => [r.runKey, r.queued])).toEqual([
      ["hf-daily", true],
      ["arxiv-rss?category=cs.CL", true],
    ]);
    const repeat = await routes.cron.POST(new Request("http://app/api/cron/ingest", { method: "POST", headers: { authorization: `Bearer ${CRON}` } }));
    const again = (await repeat.json()) as { runs: typeof runs };
    expect(again.runs.map((r) => [r.runId, r.queued])).toEqual(runs.map((r) => [r.runId, false]));
  });
});
