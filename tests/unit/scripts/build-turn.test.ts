// Starts on one checkout take turns to build: a live holder makes the others wait; a holder that died, a lock from before a reboot, or
// one naming this very pid (a restarted container reuses pids) is taken over; a release removes only its own lock.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { buildIfNeeded, sourceHash, takeBuildTurn } from "../../../scripts/lib/build-if-needed";

let root: string;
const lock = () => path.join(root, ".build", ".next.build-lock");
const boot = existsSync("/proc/sys/kernel/random/boot_id") ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : "";
/** A pid that is certainly gone: a child that has exited and been reaped. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;
/** The parent of this test runner: alive for as long as the test runs, and not this process. */
const livePid = process.ppid;
/** When a process started, as /proc/<pid>/stat's starttime gives it (field 22). */
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
};
const mine = () => `${process.pid} ${boot} ${startOf(process.pid)}`;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "build-turn-"));
  await mkdir(path.join(root, ".build"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

it.each([
  ["with its start", () => `${livePid} ${boot} ${startOf(livePid)}`],
  ["written before starts were recorded", () => `${livePid} ${boot}`],
])("a live holder (%s) makes a start wait, saying so, until it is stopped", async (_label, text) => {
  const held = text();
  await writeFile(lock(), held);
  const logged: string[] = [];
  const stop = new AbortController();
  const waiting = takeBuildTurn(root, ".next", (m) => logged.push(m), stop.signal);
  await new Promise((resolve) => setTimeout(resolve, 700));
  stop.abort();
  await expect(waiting).rejects.toThrow(/abort/i);
  expect(logged).toEqual([`Another start (pid ${livePid}) is building the app; waiting for it`]);
  expect(readFileSync(lock(), "utf8")).toBe(held);
});

it.each([
  ["a holder that died", () => `${deadPid()} ${boot}`],
  ["this very pid, as a restarted container reuses it", () => `${process.pid} ${boot}`],
  ["a live pid written before a reboot", () => `${livePid} another-boot`],
  ["a live pid that a process started since has been given", () => `${livePid} ${boot} ${Number(startOf(livePid)) + 1}`],
])("%s leaves a lock that is taken over", async (_label, text) => {
  await writeFile(lock(), text());
  const release = await takeBuildTurn(root, ".next", () => {});
  expect(readFileSync(lock(), "utf8")).toBe(mine());
  expect(existsSync(`${lock()}.takeover`)).toBe(false);
  release();
  expect(existsSync(lock())).toBe(false);
});

it("a release removes only its own lock, never one another start has taken since", async () => {
  const release = await takeBuildTurn(root, ".next", () => {});
  await writeFile(lock(), `${livePid} ${boot}`);
  release();
  expect(readFileSync(lock(), "utf8")).toBe(`${livePid} ${boot}`);
});

it("a start that waited its turn serves the build the holder made, never building again; with none made, it builds once, leaving tsconfig.json as it was", async () => {
  await writeFile(lock(), `${livePid} ${boot} ${startOf(livePid)}`);
  const builds: string[] = [];
  const build = async (opts: { root: string }) => void builds.push(opts.root);
  const logged: string[] = [];
  const waiting = buildIfNeeded({ root, distDir: ".next", env: process.env, log: (m) => logged.push(m), build });
  await new Promise((resolve) => setTimeout(resolve, 700));
  // The holder's build ends: its dist dir and source marker written, then its turn released.
  await mkdir(path.join(root, ".next"));
  await writeFile(path.join(root, ".next", "BUILD_ID"), "built-by-the-other-start");
  await writeFile(path.join(root, ".next", "source-hash"), sourceHash(root));
  await rm(lock());
  expect(await waiting).toBe(false);
  expect(builds).toEqual([]);
  expect(logged).toEqual([`Another start (pid ${livePid}) is building the app; waiting for it`]);

  // `next build` adds its dist dir's types to tsconfig.json's include; the build puts the file back as it found it.
  const tsconfig = `{ "compilerOptions": {}, "include": ["src"] }\n`;
  await writeFile(path.join(root, "tsconfig.json"), tsconfig);
  const editingBuild = async (opts: { root: string }) => {
    await build(opts);
    await writeFile(path.join(opts.root, "tsconfig.json"), `{ "compilerOptions": {}, "include": ["src", ".next/types/**/*.ts"] }\n`);
  };
  expect(await buildIfNeeded({ root, distDir: ".next", env: process.env, log: () => {}, build: editingBuild })).toBe(true);
  expect(builds).toEqual([root]);
  expect(readFileSync(path.join(root, "tsconfig.json"), "utf8")).toBe(tsconfig);
  expect(readFileSync(path.join(root, ".next", "source-hash"), "utf8")).toBe(sourceHash(root));
  expect(existsSync(lock())).toBe(false);
});
