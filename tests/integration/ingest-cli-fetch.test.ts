// The ingest CLI fetching from a (fixture) server: dry runs print and write nothing, real runs are recorded, refused URLs fail clearly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type TFixtureServer } from "../support/fixture-server";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { cleanEnv, runScript } from "./helpers/run-script";

const db = testDb();
let server: TFixtureServer;
const env = (extra: Record<string, string> = {}) =>
  cleanEnv({
    DATABASE_URL: testDatabaseUrl(),
    APP_SECRET: "x".repeat(32),
    ADMIN_TOKEN: "a".repeat(20),
    CRON_SECRET: "c".repeat(20),
    FETCH_ALLOW_LOOPBACK: "true",
    APP_URL: "http://127.0.0.1:9",
    ...extra,
  });

beforeAll(async () => {
  await resetDb(db);
  server = await startFixtureServer({
    "/rss/stat": { file: "arxiv/rss-stat-2024-03-26.xml", type: "application/rss+xml" },
    "/rss/empty": { file: "arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml", type: "application/rss+xml" },
  });
});
afterAll(async () => {
  await server.close();
  await db.$disconnect();
});

describe("npm run ingest --url", () => {
  it("--dry-run --json fetches, prints {source, expected, papers, errors} and writes nothing", async () => {
    const out = await runScript("ingest", ["--source", "arxiv-rss", "--url", `${server.url}/rss/stat`, "--dry-run", "--json"], env());
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { source: string; expected: number; papers: { arxivId: string; announceType: string }[]; errors: unknown[] };
    expect(Object.keys(json)).toEqual(["source", "expected", "papers", "errors"]);
    expect(json).toMatchObject({ source: "arxiv-rss", expected: 123, errors: [] });
    expect(json.papers).toHaveLength(123);
    expect(json.papers.filter((p) => p.announceType === "new")).toHaveLength(35);
    expect(out.stderr).toBe("");
    expect(await db.paper.count()).toBe(0);
    expect(await db.ingestRun.count()).toBe(0);
  });

  it("a real run is recorded as a run and stores the papers", async () => {
    const out = await runScript("ingest", ["--source", "arxiv-rss", "--url", `${server.url}/rss/stat`], env());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^arxiv-rss: succeeded · found 123 · inserted 123 · updated 0 · unchanged 0 · errors 0 \(run \d+\)/);
    expect(await db.paper.count()).toBe(123);
    expect(await db.ingestRun.findFirst()).toMatchObject({ trigger: "cli", status: "succeeded", inserted: 123 });
  });

  it("refuses a loopback URL without the test-only setting, with one clear line", async () => {
    const out = await runScript("ingest", ["--source", "arxiv-rss", "--url", `${server.url}/rss/stat`, "--dry-run"], env({ FETCH_ALLOW_LOOPBACK: "false" }));
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toMatch(/^Error: refused http:\/\/127\.0\.0\.1:\d+\/rss\/stat: loopback address$/);
  });

  it("rejects bad parameters before doing anything", async () => {
    const out = await runScript("ingest", ["--source", "hf-daily", "--week", "2026-W99", "--dry-run"], env());
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe("Error: week: must be an ISO week like 2026-W19");
  });
});
