// What Linux's /proc tells of a process, read in one place: the fields of its stat line and its command line (nothing where there is
// no /proc, or once the process is gone or hidden).
import { readFileSync } from "node:fs";

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    // Gone (ENOENT, ESRCH), hidden or another user's (EACCES, EPERM under hidepid), or no /proc at all: nothing to read is the answer;
    // anything else is a fault.
    if (["ENOENT", "ESRCH", "EACCES", "EPERM", "ENOTDIR"].includes((err as NodeJS.ErrnoException).code ?? "")) return null;
    throw err;
  }
}

/**
 * The fields of /proc/<pid>/stat after the command's name, which may hold spaces and brackets, so they are read after its last ")":
 * [0] the state, [1] the parent's pid, … [19] the start time in clock ticks since boot.
 */
export function statFields(pid: number): string[] | null {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The process's command line, its arguments joined by spaces. */
export function commandLineOf(pid: number): string | null {
  const raw = readProc(`/proc/${pid}/cmdline`);
  return raw === null ? null : raw.split("\0").filter(Boolean).join(" ");
}
