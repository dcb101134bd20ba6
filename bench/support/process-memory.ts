// Memory of a process and everything it started, read from /proc (Linux): `next start` serves from a child process of its own.
import { readdirSync, readFileSync } from "node:fs";

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 2nd field after the parenthesised command name, which may itself hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone already
    }
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
    peakTreeKb = Math.max(peakTreeKb, tree.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0));
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
