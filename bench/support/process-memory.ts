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

/** Samples the tree's summed RSS every `intervalMs` until stopped: the highest sum seen, and the highest VmHWM of any one process. */
export function sampleTreeMemory(root: number, intervalMs = 200): { stop: () => { peakTreeRssMb: number; peakProcessHwmMb: number } } {
  let peakTreeKb = 0;
  let peakHwmKb = 0;
  const sample = () => {
    const tree = processTree(root);
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
