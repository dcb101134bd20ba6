// `npm start` end to end: the embedded database default, demo data, restarts that keep data, and clear start-up errors.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, waitUntilAnswering } from "../../src/server/net/local-probes";
import { npmScriptNodeArgs } from "../support/npm-script";
import { replaceFile } from "../../scripts/lib/bundle-script.mjs";
import { ROOT, cleanEnv, runScript, type TEnv } from "./helpers/run-script";
import { testPort } from "./helpers/worker";
import { testDatabaseUrl } from "./helpers/db";
import { recreateDatabase, siblingUrl } from "../support/test-databases";

let dataDir: string;
let port: number;
const started: ChildProcess[] = [];

/**
 * As `npm start` runs it (package.json's node arguments): one process that receives SIGTERM itself. Through the tsx CLI, a busy machine made
 * tsx SIGKILL the app (exit 143) when it did not acknowledge the relayed signal within 60 ms, leaving embedded PostgreSQL unstopped.
 */
function startApp(env: TEnv, opts: { ownGroup?: boolean } = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, npmScriptNodeArgs("start"), {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    // A process group of its own, as a terminal's foreground job is: Ctrl-C signals the whole group.
    detached: opts.ownGroup ?? false,
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return { child, output: () => out };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const check = () => {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output()}`);
  };
  while (Date.now() < deadline) {
    if ((await waitUntilAnswering(url, { timeoutMs: deadline - Date.now(), check })).status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy response from ${url}:\n${output()}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    // A child killed by a signal has no exit code, and its 'exit' has already fired.
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "paper-digest-start-"));
  await chmod(dataDir, 0o755);
  port = await testPort(3200);
});
afterAll(async () => {
  await Promise.all(started.map(stop));
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start with no DATABASE_URL", () => {
  it("runs an embedded PostgreSQL, loads demo papers, and keeps them across restarts", { timeout: 1_000_000 }, async () => {
    const env = cleanEnv({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info" });
    const first = startApp(env);
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, first.child, first.output);
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain('data-testid="paper-card"');
    expect(home).toContain('data-testid="demo-notice"');
    expect(first.output()).toMatch(/Loaded \d+ demo papers/);
    expect(first.output()).toContain(`Generated ADMIN_TOKEN, CRON_SECRET and APP_SECRET; kept in ${path.join(dataDir, "secrets.json")}`);

    // The default schedule ingests hf-daily at start. With no internet here, that run fails once, with a reason, and the demo papers stay.
    const admin = {
      authorization: `Bearer ${(JSON.parse(await readFile(path.join(dataDir, "secrets.json"), "utf8")) as { ADMIN_TOKEN: string }).ADMIN_TOKEN}`,
    };
    const runsUrl = `http://127.0.0.1:${port}/api/admin/ingest`;
    type TRuns = { runs: { source: string; trigger: string; status: string; reason: string | null }[] };
    await expect
      .poll(async () => ((await (await fetch(runsUrl, { headers: admin })).json()) as TRuns).runs.find((r) => r.trigger === "schedule")?.status, {
        timeout: 120_000,
      })
      .toBe("failed");
    const scheduled = ((await (await fetch(runsUrl, { headers: admin })).json()) as TRuns).runs.filter((r) => r.trigger === "schedule");
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ source: "hf-daily", reason: expect.stringMatching(/huggingface\.co/) });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('data-testid="paper-card"');
    expect(first.output()).not.toMatch(/^\s+at /m);
    expect(first.output()).toContain(path.join(dataDir, "secrets.json"));

    const second = startApp({ ...env, PORT: String(await findFreePort(port + 1)) });
    const secondCode = await new Promise<number | null>((resolve) => second.child.once("exit", resolve));
    expect(secondCode).toBe(1);
    // It names the start to stop, not the PostgreSQL that start owns (stopping that one left the running app without its database).
    expect(second.output()).toMatch(new RegExp(`Error: The embedded database in .* is in use by another process \\(pid ${first.child.pid}\\)`));

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("Embedded PostgreSQL stopped");

    const again = startApp(env, { ownGroup: true });
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, again.child, again.output);
    expect(again.output()).not.toMatch(/Loaded \d+ demo papers/);
    expect(again.output()).not.toContain("Generated ADMIN_TOKEN");
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page).toContain('data-testid="paper-card"');
    // Ctrl-C in a terminal: SIGINT to the whole group. The database, in a group of its own, stops last, when the app stops it: in the
    // app's group it shut down first, and the web server answered 500s and the job queue logged its lost connections until it stopped.
    const exited = new Promise<number | null>((resolve) => again.child.once("exit", resolve));
    process.kill(-again.child.pid!, "SIGINT");
    expect(await exited).toBe(0);
    expect(again.output()).toContain("SIGINT: stopping the web server, the background work and the database");
    expect(again.output()).toContain("Embedded PostgreSQL stopped");
    expect(again.output()).not.toMatch(/job queue error|terminating connection|feed-change listener/);

    // Under npm a shell stands between npm and the app, and when npm is stopped both exit without passing the signal on: the app, left
    // an orphan, stops by itself, its embedded database too.
    const quoted = npmScriptNodeArgs("start").map((arg) => `'${arg}'`);
    const shell = spawn("sh", ["-c", `'${process.execPath}' ${quoted.join(" ")} & wait`], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    started.push(shell);
    let out = "";
    shell.stdout.on("data", (d) => (out += d));
    shell.stderr.on("data", (d) => (out += d));
    const health = `http://127.0.0.1:${port}/api/health`;
    await waitForHealth(health, shell, () => out);
    const [app] = (await readFile(`/proc/${shell.pid}/task/${shell.pid}/children`, "utf8")).trim().split(/\s+/).map(Number);
    expect(app).toBeGreaterThan(0);
    shell.kill("SIGKILL");
    // Running, not a zombie its new parent has yet to reap (state "Z" in /proc/<pid>/stat); no /proc entry at all once it is reaped.
    const alive = async () => {
      const stat = await readFile(`/proc/${app}/stat`, "utf8").catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT" || err.code === "ESRCH") return null;
        throw err;
      });
      return stat !== null && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
    };
    await expect.poll(alive, { timeout: 60_000, message: `the orphaned app is still running:\n${out.slice(-1500)}` }).toBe(false);
    await expect.poll(() => out, { timeout: 5_000 }).toContain("Embedded PostgreSQL stopped");
    expect(out).toMatch(/The process that started this one \(pid \d+\) has exited; stopping/);
  });
});

/** The processes `pid` started that are still its children, with their command lines. */
async function childrenOf(pid: number): Promise<{ pid: number; command: string }[]> {
  const pids = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8")).trim().split(/\s+/).filter(Boolean).map(Number);
  return Promise.all(pids.map(async (child) => ({ pid: child, command: (await readFile(`/proc/${child}/cmdline`, "utf8")).replaceAll("\0", " ") })));
}

/** Running, not a zombie waiting to be reaped (state "Z" in /proc/<pid>/stat), nor gone. */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT" || err.code === "ESRCH") return null;
    throw err;
  });
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("npm start after a crash", () => {
  it(
    "stops when its web server is killed, and the next start recovers from a killed start, a reused pid and a start beside it",
    { timeout: 600_000 },
    async () => {
      const env = cleanEnv({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info" });
      const health = `http://127.0.0.1:${port}/api/health`;

      // The web server killed outright (out of memory, kill -9): npm start stops its database and fails. It hung for good, waiting for
      // an exit that had already happened, so no process manager restarted it.
      const first = startApp(env);
      await waitForHealth(health, first.child, first.output);
      const server = (await childrenOf(first.child.pid!)).find((c) => c.command.includes("serve.mjs"));
      expect(server).toBeDefined();
      process.kill(server!.pid, "SIGKILL");
      expect(await exitOf(first.child)).toBe(1);
      expect(first.output()).toContain("Error: the web server was stopped by SIGKILL");
      expect(first.output()).toContain("Embedded PostgreSQL stopped");

      // npm start killed outright: its web server stops by itself, and the database it left running is stopped by the next start.
      const second = startApp(env);
      await waitForHealth(health, second.child, second.output);
      const web = (await childrenOf(second.child.pid!)).find((c) => c.command.includes("serve.mjs"))!;
      second.child.kill("SIGKILL");
      await expect.poll(() => isRunning(web.pid), { timeout: 30_000 }).toBe(false);
      const leftOver = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
      expect(await isRunning(leftOver)).toBe(true);
      const third = startApp(env);
      await waitForHealth(health, third.child, third.output);
      expect(third.output()).toContain(`Stopping the embedded PostgreSQL (pid ${leftOver}) that an earlier start (pid ${second.child.pid}) left running`);
      expect(await isRunning(leftOver)).toBe(false);
      // This test's fetches keep their connections open for the server's keep-alive hint (65 s), which a stop waited out in full.
      const stopping = Date.now();
      expect(await stop(third.child)).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(30_000);

      // A postmaster.pid left by a crash whose pid a reboot gave to another program (here this test's own process) is not the database.
      await writeFile(path.join(dataDir, "pg", "postmaster.pid"), `${process.pid}\n${path.join(dataDir, "pg")}\n`);
      const fourth = startApp(env);
      await waitForHealth(health, fourth.child, fourth.output);
      expect(await stop(fourth.child)).toBe(0);

      // Stopped during its first build: the build stops too (it ran on, an orphan, into the folder the next start then built into).
      const distDir = `.data/next-stop-test-${process.pid}`;
      // `next build` adds its dist dir's types to tsconfig.json, and buildIfNeeded puts it back; a build killed mid-way might still write
      // it as it dies, so the test puts it back too (the source hash leaves `include` out: the end-to-end server is never rebuilt).
      const tsconfigPath = path.join(ROOT, "tsconfig.json");
      const tsconfig = await readFile(tsconfigPath);
      const building = startApp({ ...env, NEXT_DIST_DIR: distDir });
      try {
        await expect.poll(building.output, { timeout: 120_000 }).toContain("Building the app");
        const builderPid = async () => (await childrenOf(building.child.pid!)).find((c) => c.command.includes("next build"))?.pid ?? 0;
        await expect.poll(builderPid, { timeout: 30_000 }).toBeGreaterThan(0);
        const builder = await builderPid();
        expect(await stop(building.child)).toBe(0);
        await expect.poll(() => isRunning(builder), { timeout: 120_000 }).toBe(false);
        expect(existsSync(path.join(ROOT, distDir, "BUILD_ID")), "the build ran on to the end").toBe(false);
        expect(building.output()).toContain("Embedded PostgreSQL stopped");
      } finally {
        await rm(path.join(ROOT, distDir), { recursive: true, force: true });
        if (!(await readFile(tsconfigPath)).equals(tsconfig)) replaceFile(tsconfigPath, tsconfig);
      }

      // Two starts at the same instant: one runs, the other refuses with one clear line, never calling the database damaged.
      const ports = [port, await findFreePort(port + 10)];
      const pair = ports.map((p) => startApp({ ...env, PORT: String(p) }));
      const lost = await Promise.race(pair.map(async (run, i) => ((await exitOf(run.child)) === 1 ? i : new Promise<never>(() => {}))));
      expect(pair[lost]!.output()).toMatch(/Error: The embedded database in .* is (in use|being started) by another process/);
      expect(pair[lost]!.output()).not.toContain("could not start");
      const winner = pair[1 - lost]!;
      await waitForHealth(`http://127.0.0.1:${ports[1 - lost]}/api/health`, winner.child, winner.output);
      expect(await stop(winner.child)).toBe(0);
    },
  );
});

describe("npm start, two instances at once on one checkout and one fresh database", () => {
  it("both come up: one migrates and loads the demo papers while the other waits its turn for each, and both serve them", { timeout: 600_000 }, async () => {
    const url = siblingUrl(testDatabaseUrl(), "two_starts");
    await recreateDatabase(testDatabaseUrl(), url);
    // The checkout's own build, which `npm test` makes before this suite: a second full `next build` here cost CI two minutes beside the
    // end-to-end suite. Taking turns to build is tested in tests/unit/scripts/build-turn.test.ts; run alone, this file may still build
    // here, and then only one of the two may.
    const first = await findFreePort(port + 20);
    const ports = [first, await findFreePort(first + 1)];
    const env = (i: number) =>
      cleanEnv({
        DATABASE_URL: url,
        DATA_DIR: path.join(dataDir, `two-${i}`),
        PORT: String(ports[i]),
        INGEST_SCHEDULE: "off",
        DIGEST_SCHEDULE: "off",
        LOG_LEVEL: "info",
      });
    const runs = [0, 1].map((i) => startApp(env(i)));
    let codes: (number | null)[] = [];
    try {
      // The second failed at once: its migrations timed out on the first's lock, its demo papers were "already running", or its
      // next build found the first's under way.
      await Promise.all(runs.map((run, i) => waitForHealth(`http://127.0.0.1:${ports[i]}/api/health`, run.child, run.output)));
      const did = (pattern: RegExp) => runs.map((run) => pattern.test(run.output())).sort();
      expect(did(/Loaded 67 demo papers/)).toEqual([false, true]);
      expect(did(/Built in/)).not.toEqual([true, true]);
      for (const p of ports) expect(await (await fetch(`http://127.0.0.1:${p}/`)).text()).toContain('data-testid="paper-card"');
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM papers")).rows[0]!.n).toBe(67);
      await db.end();
    } finally {
      codes = await Promise.all(runs.map((run) => stop(run.child)));
    }
    expect(codes, runs.map((run) => run.output()).join("\n---\n")).toEqual([0, 0]);
  });
});

describe("npm start refuses bad set-ups with one clear line", () => {
  it("invalid configuration names the variable", async () => {
    const out = await runScript("start", [], cleanEnv({ DATA_DIR: dataDir, PORT: "http" }));
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe('Error: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "http")');
  });

  it("a bad DATABASE_URL names the variable", async () => {
    const out = await runScript("start", [], cleanEnv({ DATA_DIR: dataDir, DATABASE_URL: "mysql://x" }));
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toMatch(/^Error: Invalid configuration: DATABASE_URL must be a postgresql:\/\/ URL/);
  });

  it("a port in use is reported before anything starts", async () => {
    const blocker = net.createServer().listen(0, "0.0.0.0");
    await new Promise((r) => blocker.once("listening", r));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const out = await runScript("start", [], cleanEnv({ DATA_DIR: dataDir, PORT: String(busy) }));
      expect(out.code).toBe(1);
      expect(out.stderr.trim()).toBe(`Error: Port ${busy} is already in use. Stop the other process or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });

  it("a damaged embedded data directory gives a clear message", async () => {
    const damaged = await mkdtemp(path.join(os.tmpdir(), "paper-digest-damaged-"));
    await chmod(damaged, 0o755);
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(path.join(damaged, "pg"), { recursive: true });
    await writeFile(path.join(damaged, "pg", "PG_VERSION"), "18\n");
    const out = await runScript("start", [], cleanEnv({ DATA_DIR: damaged, PORT: String(await testPort(3300)) }));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^Error: The embedded database in .*could not start \(.*\)\. If it is damaged, move the folder aside/m);
    await rm(damaged, { recursive: true, force: true });
  });
});
