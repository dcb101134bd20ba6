// Every CLI that prints JSON prints all of it into a real pipe (`npm run ingest -- --json | jq`), past 1 MB, whether it then succeeds or
// fails; and every CLI answers --help with its usage.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_APP_URL, TEST_SECRET, seedPapers, seedSubscribers } from "./helpers/digest-fixtures";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT, cleanEnv, runScript } from "./helpers/run-script";

const db = testDb();
const MB = 1024 * 1024;
const NOW = "2026-11-27T07:00:00Z";
let dir: string;

const env = () =>
  cleanEnv({
    DATABASE_URL: testDatabaseUrl(),
    APP_URL: TEST_APP_URL,
    APP_SECRET: TEST_SECRET,
    ADMIN_TOKEN: "a".repeat(20),
    CRON_SECRET: "c".repeat(20),
    DATA_DIR: dir,
  });
const piped = (script: Parameters<typeof runScript>[0], args: string[], pipeTo = "cat") => runScript(script, args, env(), 120_000, { pipeTo });

beforeAll(async () => {
  await resetDb(db);
  dir = await mkdtemp(path.join(os.tmpdir(), "cli-pipe-"));
});

afterAll(async () => {
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

describe("npm run ingest -- --dry-run --json | cat", () => {
  let listing: { paper: { id: string } }[];
  let file: string;

  beforeAll(async () => {
    const fixture = path.join(ROOT, "tests", "fixtures", "hf", "api-daily-papers-2026-05-08.json");
    const items = JSON.parse(await readFile(fixture, "utf8")) as { paper: { id: string } }[];
    // Twelve copies of a real day under distinct arXiv ids: 444 papers, about 1.2 MB of JSON.
    listing = Array.from({ length: 12 }, (_, copy) =>
      items.map((item, i) => ({ ...item, paper: { ...item.paper, id: `2605.${10_000 + copy * 100 + i}` } })),
    ).flat();
    file = path.join(dir, "big-listing.json");
    await writeFile(file, JSON.stringify(listing));
  });

  it("prints a listing of over 1 MB of papers whole", async () => {
    const out = await piped("ingest", ["--source", "hf-daily", "--file", file, "--dry-run", "--json"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout.length).toBeGreaterThan(MB);
    const json = JSON.parse(out.stdout) as { papers: { arxivId: string }[]; errors: unknown[] };
    expect(json.papers.map((p) => p.arxivId)).toEqual(listing.map((item) => item.paper.id));
    expect(json.errors).toEqual([]);
  });

  it("a reader that stops early (| head) is no error", async () => {
    const out = await piped("ingest", ["--source", "hf-daily", "--file", file, "--dry-run", "--json"], "head -c 1000");
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toHaveLength(1000);
    expect(out.stdout).toMatch(/^\{\n {2}"source": "hf-daily",/);
  });

  it("prints over 1 MB of item errors whole, then the failure on stderr and exit code 1", async () => {
    const file = path.join(dir, "all-bad.json");
    await writeFile(file, JSON.stringify(Array.from({ length: 15_000 }, (_, i) => ({ paper: { id: `2605.${10_000 + i}` } }))));

    const out = await piped("ingest", ["--source", "hf-daily", "--file", file, "--dry-run", "--json"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^Error: .*all-bad\.json: no paper could be read: 15000 item\(s\) failed, the first with "no listing date \(submittedOnDailyAt\/publishedAt\)"\n$/,
    );
    expect(out.stdout.length).toBeGreaterThan(MB);
    const json = JSON.parse(out.stdout) as { expected: number; papers: unknown[]; errors: { index: number }[] };
    expect(json.papers).toEqual([]);
    expect(json.errors.map((e) => e.index)).toEqual(Array.from({ length: 15_000 }, (_, i) => i));
  });
});

describe("npm run digest -- --dry-run --json | cat", () => {
  it("prints over 1 MB of digest entries whole", async () => {
    const title = (i: number) => `Diffusion models number ${i}: a long enough title to make each digest entry weigh about two kilobytes of JSON`;
    await seedPapers(
      db,
      Array.from({ length: 20 }, (_, i) => ({ arxivId: `2611.${10_000 + i}`, title: title(i), listedOn: "2026-11-27", upvotes: 100 - i })),
    );
    const emails = Array.from({ length: 1_000 }, (_, i) => `reader${i}@example.test`);
    await seedSubscribers(
      db,
      emails.map((email) => ({ email, keywords: ["diffusion"] })),
    );

    const out = await piped("digest", ["--now", NOW, "--dry-run", "--json"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout.length).toBeGreaterThan(MB);
    const json = JSON.parse(out.stdout) as { entries: { email: string; titles: string[] }[] };
    expect(json.entries.map((e) => e.email)).toEqual(emails);
    expect(json.entries.every((e) => e.titles.length === 10)).toBe(true);
  });
});

describe("npm run ingest -- --file … --json | cat, at the default log level", () => {
  it("prints only the JSON on stdout: log lines go to stderr", async () => {
    const fixture = path.join(ROOT, "tests", "fixtures", "hf", "api-daily-papers-2026-05-08.json");
    const out = await runScript("ingest", ["--source", "hf-daily", "--file", fixture, "--json"], { ...env(), LOG_LEVEL: "info" }, 120_000, {
      pipeTo: "cat",
    });
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { status: string }).status).toBe("succeeded");
    expect(out.stderr).toContain("ingestion run queued");
  });
});

describe("every CLI's --help", () => {
  it.each<[Parameters<typeof runScript>[0], string]>([
    ["ingest", "npm run ingest -- --source <id>"],
    ["digest", "npm run digest -- [--now ISO]"],
    ["db:migrate:dev", "npm run db:migrate:dev -- --name"],
    // These two take no options: an option once started the worker (which queued scheduled runs) or applied the migrations.
    ["worker", "npm run worker"],
    ["db:migrate", "npm run db:migrate"],
  ])("%s prints its usage on stdout and exits 0; an unknown option is an error that shows it too", async (script, usage) => {
    for (const flag of ["--help", "-h"]) {
      const out = await piped(script, [flag]);
      expect([out.code, out.stderr]).toEqual([0, ""]);
      expect(out.stdout).toContain(`Usage: ${usage}`);
    }
    const wrong = await piped(script, ["--bogus"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toMatch(/^Error: Unknown option '--bogus'/);
    expect(wrong.stderr).toContain(`Usage: ${usage}`);
  });
});
