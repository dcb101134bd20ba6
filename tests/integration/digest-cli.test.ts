// `npm run digest`: a dry run shows who would get what and changes nothing; a real run sends and reports; bad input is a clear error.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_APP_URL, TEST_SECRET, seedPapers, seedSubscribers, startSmtpSink, type TSmtpSink } from "./helpers/digest-fixtures";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { cleanEnv, runScript } from "./helpers/run-script";

const db = testDb();
let smtp: TSmtpSink;
let dataDir: string;
const NOW = "2026-11-27T07:00:00Z";

beforeAll(async () => {
  await resetDb(db);
  smtp = await startSmtpSink();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "digest-cli-"));
  await seedPapers(db, [
    { arxivId: "2611.00001", title: "Diffusion for proteins", listedOn: "2026-11-27", upvotes: 30 },
    { arxivId: "2611.00002", title: "Robot arms", categories: ["cs.RO"], listedOn: "2026-11-26", upvotes: 10 },
  ]);
  await seedSubscribers(db, [
    { email: "d@example.test", keywords: ["diffusion"] },
    { email: "none@example.test", keywords: ["quantum gravity"] },
  ]);
});

afterAll(async () => {
  await smtp.stop();
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

const env = () =>
  cleanEnv({ DATABASE_URL: testDatabaseUrl(), SMTP_URL: smtp.url, APP_URL: TEST_APP_URL, APP_SECRET: TEST_SECRET, DATA_DIR: dataDir, MAIL_RATE: "1000" });

it("--dry-run --json lists who would get which papers and sends and writes nothing", async () => {
  const result = await runScript("digest", ["--now", NOW, "--dry-run", "--json"], env(), 120_000);
  expect(result.code).toBe(0);
  const out = JSON.parse(result.stdout) as { dryRun: boolean; entries: { email: string; titles: string[]; subject: string | null }[] };
  expect(out.dryRun).toBe(true);
  expect(out.entries).toEqual([
    expect.objectContaining({ email: "d@example.test", titles: ["Diffusion for proteins"] }),
    expect.objectContaining({ email: "none@example.test", titles: [], subject: null }),
  ]);
  expect(smtp.raw).toHaveLength(0);
  expect(await db.delivery.count()).toBe(0);
  expect(await db.digestRun.count()).toBe(0);
});

it("sends once and prints each run's counts; a second run sends nothing", async () => {
  const first = await runScript("digest", ["--now", NOW], env(), 120_000);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/daily:2026-11-27: succeeded · due 2 · sent 1 · skipped 1 · failed 0/);
  expect(smtp.raw).toHaveLength(1);
  const second = await runScript("digest", ["--now", "2026-11-27T09:00:00Z", "--json"], env(), 120_000);
  expect(second.code).toBe(0);
  const out = JSON.parse(second.stdout) as { runs: { period: string; due: number }[] };
  expect(out.runs.map((r) => [r.period, r.due])).toEqual([
    ["daily:2026-11-27", 0],
    ["weekly:2026-W48", 0],
  ]);
  expect(smtp.raw).toHaveLength(1);
  // Nothing left to send: a dry run says so instead of printing nothing.
  const dry = await runScript("digest", ["--now", "2026-11-27T09:00:00Z", "--dry-run"], env(), 120_000);
  expect(dry.code).toBe(0);
  expect(dry.stdout.trim()).toBe(
    "Nobody is due a digest at 2026-11-27T09:00:00.000Z (daily:2026-11-27, weekly:2026-W48): every confirmed subscriber has had this period's, sent or skipped, or there is none.",
  );
});

it("rejects a malformed --now with a clear message and touches nothing", async () => {
  const runsBefore = await db.digestRun.count();
  const result = await runScript("digest", ["--now", "yesterday"], env(), 60_000);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('--now must be an ISO date-time such as 2026-11-27T07:00:00Z, in a week within the years 1000 to 9999 (got "yesterday")');
  // Its week ends in year 10000: the run was recorded as failed with "Invalid ISO week 9999-W52, expected YYYY-Www".
  const far = await runScript("digest", ["--now", "9999-12-31T00:00:00Z"], env(), 60_000);
  expect([far.code, far.stderr.trim()]).toEqual([1, expect.stringContaining('in a week within the years 1000 to 9999 (got "9999-12-31T00:00:00Z")')]);
  expect(await db.digestRun.count()).toBe(runsBefore);
});
