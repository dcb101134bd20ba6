// feed: two app instances on one database — a run ingested through one is on the other's pages within a second, with no call between them.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { waitUntilAnswering } from "../../src/server/net/local-probes";
import { E2E_ADMIN_TOKEN } from "./support/constants";
import { e2eDatabaseUrl } from "./support/feed-seed";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3108);
const second = `http://127.0.0.1:${SECOND_PORT}`;
let child: ChildProcess;

test.beforeAll(async () => {
  // The second instance serves the same build and database as the first; each has its own page cache.
  child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(SECOND_PORT)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const check = () => {
    if (child.exitCode !== null) throw new Error(`the second instance exited with ${child.exitCode}`);
  };
  expect((await waitUntilAnswering(`${second}/api/health`, { timeoutMs: 60_000, check })).status).toBe(200);
});
test.afterAll(async () => {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
});

test("feed: a paper ingested through one instance is on the other's front page and paper page within 1 second of the run's success", async ({ request }) => {
  const title = `Cross Instance Okapi Gait Study ${Date.now()}`;
  // Both instances have cached their front page before the ingestion.
  for (const base of ["", second]) expect(await (await request.get(`${base}/`)).text()).not.toContain(title);
  expect((await request.get(`${second}/`)).headers()["x-nextjs-cache"]).toBe("HIT");

  const body = `${title}\nWe estimate okapi gait parameters from zoo video with a pose model and release the annotations for other researchers.\n`;
  const queued = await request.post("/api/admin/ingest", { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }, data: { source: "text", body } });
  expect(queued.status()).toBe(202);
  const { runId } = (await queued.json()) as { runId: number };
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`/api/admin/ingest/runs/${runId}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })).json()) as {
            status: string;
          }
        ).status,
      {
        timeout: 60_000,
        intervals: [50],
      },
    )
    .toBe("succeeded");
  const succeededAt = Date.now();
  await expect.poll(async () => (await request.get(`${second}/`)).text(), { timeout: 1_000, intervals: [50] }).toContain(title);
  expect(Date.now() - succeededAt).toBeLessThanOrEqual(1_000);
  const listed = ((await (await request.get(`${second}/api/papers?q=${encodeURIComponent("okapi gait")}`)).json()) as { papers: { title: string }[] }).papers;
  expect(listed.map((p) => p.title)).toContain(title);
});
