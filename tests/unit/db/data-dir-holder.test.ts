// Before the embedded database starts, what holds its data directory: a postmaster.pid names a postgres of this directory only when
// that process runs there, and the start that ran it is judged by its whole stamp, so reused pids neither block a start nor get stopped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { dataDirHolder, inUseMessage } from "@/server/db/embedded-postgres";

let root: string;
let dataDir: string;
const children: ChildProcess[] = [];
const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
};
/** A pid that is certainly gone: a child that has exited and been reaped. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

/** A long-running process named `name` (a copy of sleep), running in `cwd`, as a postgres runs in its data directory. */
function runProgram(name: string, cwd: string): number {
  const binary = path.join(root, "bin", name);
  mkdirSync(path.dirname(binary), { recursive: true });
  copyFileSync("/bin/sleep", binary);
  const child = spawn(binary, ["60"], { cwd, stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

function leave(opts: { postmaster: number; starter?: Record<string, unknown> }) {
  writeFileSync(path.join(dataDir, "postmaster.pid"), `${opts.postmaster}\n${dataDir}\n`);
  if (opts.starter) writeFileSync(path.join(dataDir, "runtime.json"), JSON.stringify({ url: "postgresql://x", port: 1, ...opts.starter }));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "data-dir-holder-"));
  dataDir = path.join(root, "pg");
  mkdirSync(dataDir);
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

it("a postgres running in another directory (the machine's own, given the pid after a reboot) is no holder, and is never stopped", () => {
  const elsewhere = runProgram("postgres", tmpdir());
  leave({ postmaster: elsewhere, starter: { pid: deadPid(), boot, started: "1" } });
  expect(dataDirHolder(dataDir)).toEqual({ state: "free" });
});

it("a program of another name running in the directory is no holder", () => {
  leave({ postmaster: runProgram("sleep", dataDir), starter: { pid: deadPid(), boot } });
  expect(dataDirHolder(dataDir)).toEqual({ state: "free" });
});

it("the directory's postgres is in use while the start that ran it still runs", () => {
  const pid = runProgram("postgres", dataDir);
  const starter = process.ppid;
  leave({ postmaster: pid, starter: { pid: starter, boot, started: startOf(starter) } });
  expect(dataDirHolder(dataDir)).toEqual({ state: "in-use", pid, starter });
  // An earlier version's record, the pid alone, is judged by the pid.
  leave({ postmaster: pid, starter: { pid: starter } });
  expect(dataDirHolder(dataDir)).toEqual({ state: "in-use", pid, starter });
});

it("a postgres in use with no record of its start is in use, by nobody known", () => {
  const pid = runProgram("postgres", dataDir);
  leave({ postmaster: pid });
  expect(dataDirHolder(dataDir)).toEqual({ state: "in-use", pid, starter: null });
});

it("the refusal names the process to stop, the one that started the database, never the postgres it would leave its starter without", () => {
  const pid = runProgram("postgres", dataDir);
  const starter = process.pid;
  leave({ postmaster: pid, starter: { pid: starter, boot, started: startOf(starter) } });
  const message = inUseMessage(dataDir, dataDirHolder(dataDir) as { pid: number; starter: number | null });
  expect(message).toContain(`in use by another process (pid ${starter}): ${process.execPath}`);
  expect(message).toContain(`which started its PostgreSQL (pid ${pid}). Stop that process (Ctrl-C where it runs), or set DATABASE_URL.`);
  // Without a record of who started it, the postgres is all there is to name.
  expect(inUseMessage(dataDir, { pid, starter: null })).toBe(
    `The embedded database in ${dataDir} is in use by another process (pid ${pid}). Stop that process, or set DATABASE_URL.`,
  );
});

it.each([
  ["died", () => ({ pid: deadPid(), boot, started: "1" })],
  ["was given to a process started since", () => ({ pid: process.ppid, boot, started: String(Number(startOf(process.ppid)) + 1) })],
  ["was this very process's, as a restarted container reuses it", () => ({ pid: process.pid, boot: "an-earlier-boot", started: "1" })],
])("the directory's postgres is left over when the pid of the start that ran it %s", (_label, stamp) => {
  const pid = runProgram("postgres", dataDir);
  const starter = stamp();
  leave({ postmaster: pid, starter });
  expect(dataDirHolder(dataDir)).toEqual({ state: "left-over", pid, starter: starter.pid });
});
