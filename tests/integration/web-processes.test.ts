// WEB_CONCURRENCY: several web server processes on one port. Each keeps its own page cache, so a change must reach every one of them,
// and one that dies must not leave the site half served or the others running on unwatched.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { hidePaper } from "../../src/server/admin/paper-admin";
import { seedDemo } from "../../src/server/ingest/seed-demo";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT, cleanEnv, startWebServer, type TWebServer } from "./helpers/run-script";
import { testPort } from "./helpers/worker";

const db = testDb();
let server: TWebServer | undefined;

beforeAll(async () => {
  await resetDb(db);
  await seedDemo({ db, samplesDir: path.join(ROOT, "samples"), clock: () => new Date() });
}, 900_000);

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The web server as `npm start` runs it, with `processes` web server processes. */
async function startServer(processes: number): Promise<TWebServer> {
  const port = await testPort(3281);
  server = await startWebServer(
    cleanEnv({
      DATABASE_URL: testDatabaseUrl(),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-web-processes-")),
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      ADMIN_TOKEN: "web-processes-admin-0123456789",
      CRON_SECRET: "web-processes-cron-0123456789",
      APP_SECRET: "web-processes-secret-0123456789abcdef",
      WEB_CONCURRENCY: String(processes),
      LOG_LEVEL: "info",
      NODE_ENV: "production",
    }),
  );
  return server;
}

/** The web server processes: the children of the one started. */
function webProcesses(): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(server!.child.pid)], { encoding: "utf8" });
  return out.split(/\s+/).filter(Boolean).map(Number);
}

/** A GET on a connection of its own (node:cluster hands each new connection to the next process): its status and Next's cache verdict. */
function getOnNewConnection(url: string): Promise<{ status: number; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: "close" } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: res.headers["x-nextjs-cache"] as string | undefined }));
      })
      .on("error", reject);
  });
}

/** Once all `processes` listen: the health check is answered as soon as the first one does. */
async function allListening(output: () => string, processes: number): Promise<void> {
  for (const deadline = Date.now() + 60_000; !output().includes(`in ${processes} processes`);) {
    if (Date.now() > deadline) throw new Error(`not every web server process listens:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it(
  "serves from WEB_CONCURRENCY processes, each of which drops its cached page when a paper is hidden, and stops them all on SIGTERM",
  { timeout: 300_000 },
  async () => {
    const { base, output, stop } = await startServer(2);
    await allListening(output, 2);
    const processes = webProcesses();
    expect(processes).toHaveLength(2);

    const paper = await db.paper.findFirstOrThrow({ where: { hidden: false, arxivId: { not: null } }, orderBy: { id: "asc" } });
    const page = `${base}/papers/${encodeURIComponent(paper.arxivId!)}`;
    // Connections alternate between the processes, so each renders the page once into its own cache and serves it from there after.
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await getOnNewConnection(page));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(
      answers.filter((answer) => answer.cache === "MISS"),
      "one render per process",
    ).toHaveLength(2);
    // Then every process must drop it.
    await hidePaper({ db, actor: "test", id: paper.id, hidden: true, now: new Date() });
    const deadline = Date.now() + 10_000;
    let statuses: number[] = [];
    do {
      statuses = (await Promise.all(Array.from({ length: 6 }, () => getOnNewConnection(page)))).map((answer) => answer.status);
    } while (statuses.some((status) => status !== 404) && Date.now() < deadline);
    expect(statuses, "every process dropped its cached page").toEqual(Array(6).fill(404));
    await hidePaper({ db, actor: "test", id: paper.id, hidden: false, now: new Date() });

    expect(await stop()).toEqual({ code: 0, signal: null });
    for (const pid of processes) expect(() => process.kill(pid, 0), `process ${pid} is gone`).toThrow();
  },
);

it("stops the other processes and exits 1 when one web server process dies, as a lone web server's death fails npm start", { timeout: 300_000 }, async () => {
  const { exited, output } = await startServer(2);
  await allListening(output, 2);
  const [victim, other] = webProcesses();
  process.kill(victim!, "SIGKILL");
  expect(await exited).toEqual({ code: 1, signal: null });
  expect(output()).toMatch(/A web server process was stopped by SIGKILL; stopping the others/);
  expect(() => process.kill(other!, 0), "the other process is gone").toThrow();
});
