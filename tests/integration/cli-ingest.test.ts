// The ingest CLI: dry runs print normalized papers and write nothing; bad input gives one clear line and a non-zero exit.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT, cleanEnv, runScript } from "./helpers/run-script";

const db = testDb();
const fixture = (name: string) => path.join(ROOT, "tests", "fixtures", name);
const env = () => cleanEnv({ DATABASE_URL: testDatabaseUrl(), APP_SECRET: "x".repeat(32), ADMIN_TOKEN: "a".repeat(20), CRON_SECRET: "c".repeat(20) });

beforeAll(() => resetDb(db));
afterAll(() => db.$disconnect());

describe("npm run ingest", () => {
  it("--dry-run --json prints the normalized papers and touches no database", async () => {
    const out = await runScript("ingest", ["--source", "hf-daily", "--file", fixture("hf/api-daily-papers-2026-05-08.json"), "--dry-run", "--json"], env());
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { source: string; papers: { arxivId: string; title: string }[]; errors: unknown[] };
    expect(json.source).toBe("hf-daily");
    expect(json.papers).toHaveLength(37);
    expect(json.errors).toEqual([]);
    expect(json.papers[0]!.arxivId).toMatch(/^\d{4}\.\d{4,5}$/);
    expect(await db.paper.count()).toBe(0);
  });

  it("ingests a file, then a second run changes nothing", async () => {
    const args = ["--source", "hf-daily", "--file", fixture("hf/api-daily-papers-2026-06-12.json")];
    const first = await runScript("ingest", args, env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/found 30 · inserted 30 · updated 0 · unchanged 0 · errors 0/);
    const second = await runScript("ingest", args, env());
    expect(second.stdout).toMatch(/found 30 · inserted 0 · updated 0 · unchanged 30 · errors 0/);
    expect(await db.paper.count()).toBe(30);
  });

  it("a bad ingest file gives one clear error line and exit code 1", async () => {
    const out = await runScript("ingest", ["--source", "hf-daily", "--file", fixture("arxiv/rss-stat-2024-03-26.xml")], env());
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(/^Error: .*rss-stat-2024-03-26\.xml: /);
    expect(await db.paper.count()).toBe(30);
  });

  it("--file - reads the listing from standard input, as a pipe gives it (`curl … | npm run ingest -- --file -`)", async () => {
    const listing = await readFile(fixture("hf/api-daily-papers-2026-05-08.json"));
    const out = await runScript("ingest", ["--source", "hf-daily", "--file", "-", "--dry-run", "--json"], env(), 60_000, { input: listing });
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { papers: unknown[] }).papers).toHaveLength(37);
    const empty = await runScript("ingest", ["--source", "hf-daily", "--file", "-"], env(), 60_000, { input: " \n" });
    expect([empty.code, empty.stderr.trim()]).toEqual([1, "Error: standard input is empty: there is nothing to ingest"]);
    const bad = await runScript("ingest", ["--source", "hf-daily", "--file", "-", "--dry-run"], env(), 60_000, { input: "<html>no papers</html>" });
    expect([bad.code, bad.stderr.trim().split("\n").length]).toEqual([1, 1]);
    expect(bad.stderr).toMatch(/^Error: standard input: /);
  });

  it("a missing file and an unknown source are reported clearly", async () => {
    const missing = await runScript("ingest", ["--source", "hf-daily", "--file", "/nonexistent.json"], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("Error: cannot read /nonexistent.json: no such file");
    const unknown = await runScript("ingest", ["--source", "nope", "--file", "x"], env());
    expect(unknown.stderr.trim()).toMatch(/^Error: source: must be one of hf-daily, hf-page/);
  });

  it("an empty file is refused as empty: its source's live listing is not fetched in its place", async () => {
    const empty = path.join(await mkdtemp(path.join(os.tmpdir(), "cli-empty-")), "empty.json");
    await writeFile(empty, "\n");
    for (const extra of [[], ["--dry-run"]]) {
      const out = await runScript("ingest", ["--source", "hf-daily", "--file", empty, ...extra], env());
      expect([out.code, out.stderr.trim()], extra.join(" ")).toEqual([1, `Error: ${empty} is empty: there is nothing to ingest`]);
    }
    expect(await db.ingestRun.count({ where: { source: "hf-daily", params: { path: [], equals: {} } } })).toBe(0);
  });

  it("a database it cannot reach is named in the error, not an empty 'Error: '", async () => {
    const unreachable = { ...env(), DATABASE_URL: "postgresql://root@127.0.0.1:5999/nowhere" };
    const out = await runScript("ingest", ["--source", "hf-daily", "--file", fixture("hf/api-daily-papers-2026-05-08.json")], unreachable);
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toMatch(/^Error: .*(ECONNREFUSED|connection refused|Can't reach database server).*127\.0\.0\.1:5999/);
  });
});
