// Memory of a process and everything it started, read from /proc (Linux): `next start` serves from a child process of its own.
import { readdirSync, readFileSync } from "node:fs";

/** A /proc file's text, or null when its process ended between listing and reading. */
function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ESRCH") return null;
    throw err;
  }
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readProc(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) : 0;
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (stat === null) continue;
    // The parent pid is the 2nd field after the parenthesised command name, which may itself hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Samples the tree's summed RSS every `intervalMs` until stopped: the highest sum seen, and the highest VmHWM of any one process. The
 * tree is listed once (a scan of /proc is slow on a busy machine and would hold up the load generator in this same process).
 */
export function sampleTreeMemory(root: number, intervalMs = 500): { stop: () => { peakTreeRssMb: number; peakProcessHwmMb: number } } {
  const tree = processTree(root);
  let peakTreeKb = 0;
  let peakHwmKb = 0;
  const sample = () => {
    peakTreeKb = Math.max(
      peakTreeKb,
      tree.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0),
    );
    for (const pid of tree) peakHwmKb = Math.max(peakHwmKb, statusKb(pid, "VmHWM"));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakTreeRssMb: peakTreeKb / 1024, peakProcessHwmMb: peakHwmKb / 1024 };
    },
  };
}

/** CPU time (user + system, in clock ticks) used so far by the listed processes. */
function cpuTicks(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readProc(`/proc/${pid}/stat`);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/** CPU time (ms, user + system) used so far by the process tree under `root`, as it stands now. */
export function treeCpuMs(root: number): number {
  // Linux counts CPU time in ticks of 1/100 s (USER_HZ).
  return cpuTicks(processTree(root)) * 10;
}

/**
 * Waits until the tree under `root` uses less than a fifth of a core over a quarter second (at most `timeoutMs`): a server keeps
 * answering requests a load run abandoned, and that backlog must not fall on the next run. Returns the ms waited.
 */
export async function waitUntilIdle(root: number, timeoutMs = 30_000): Promise<number> {
  const tree = processTree(root);
  const started = performance.now();
  let before = cpuTicks(tree);
  while (performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuTicks(tree);
    // 100 ticks per second: under 5 ticks in 250 ms is under a fifth of a core.
    if (now - before < 5) break;
    before = now;
  }
  return performance.now() - started;
}

/**
 * CPU time (ms, user + system) used so far by the PostgreSQL backends connected to the database `databaseUrl` names (their process
 * titles name it): the database's share of a run, which a process's own CPU time does not show. Backends that closed since the last
 * reading are not counted.
 */
export function databaseCpuMs(databaseUrl: string): number {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const backends: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const title = readProc(`/proc/${entry}/cmdline`);
    if (title?.startsWith("postgres: ") && title.split(/[\s\0]+/).includes(database)) backends.push(Number(entry));
  }
  // Linux counts CPU time in ticks of 1/100 s (USER_HZ).
  return cpuTicks(backends) * 10;
}

/**
 * Where this process's resident memory is, from /proc/self/smaps: the V8 heap and external memory Node reports, the pages of
 * files (the node binary, libraries), and the other anonymous memory (malloc arenas of the threads, WASM, code), with its
 * largest region. Null off Linux.
 */
export function memoryBreakdown(): string | null {
  const smaps = readProc("/proc/self/smaps");
  if (smaps === null) return null;
  let head = "";
  let fileKb = 0;
  let anonKb = 0;
  let largestAnonKb = 0;
  for (const line of smaps.split("\n")) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) head = line;
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const kb = Number(rss[1]);
    // The 6th field of a mapping's line is its path: empty for anonymous memory, [heap] for malloc's main arena.
    const path = head.split(/\s+/)[5] ?? "";
    if (path === "" || path === "[heap]") {
      anonKb += kb;
      largestAnonKb = Math.max(largestAnonKb, kb);
    } else fileKb += kb;
  }
  const usage = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const reported = usage.heapTotal + usage.external;
  return (
    `V8 heap ${mb(usage.heapTotal)} (used ${mb(usage.heapUsed)}) + external ${mb(usage.external)}; ` +
    `other anonymous ${mb(anonKb * 1024 - reported)} (largest region ${mb(largestAnonKb * 1024)}); files ${mb(fileKb * 1024)}`
  );
}
