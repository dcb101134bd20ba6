// A file that one process at a time holds on this machine: a start claiming the embedded database, a start's turn to build the app.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { statFields } from "./proc-files";

/** Whether a process with this pid exists (EPERM: it does, owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** This boot of the machine, where Linux tells: a pid in a lock written before a reboot (or a container restart) is nobody's. */
const BOOT_ID = (() => {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return ""; // not Linux: the pid alone
  }
})();

/**
 * When the process with `pid` started, in clock ticks since boot, where Linux tells ("" elsewhere, or when it is gone): a pid of a
 * holder that died can be handed to a new process within the same boot, which is then no holder however alive it is.
 */
function startedAt(pid: number): string {
  // Gone, or not Linux: the lock is judged by pid and boot.
  return statFields(pid)?.[19] ?? "";
}

/** An empty lock is one being written: a holder that crashed before writing its pid left it long ago. */
const WRITING_MS = 10_000;

/** A process as a file records it (a lock's holder, the embedded database's starter): its pid, this boot, and when it started. */
export type TProcessStamp = { pid: number; boot?: string; started?: string };

export const ownStamp = (): Required<TProcessStamp> => ({ pid: process.pid, boot: BOOT_ID, started: startedAt(process.pid) });

/**
 * Whether the process a stamp names still runs: its pid is alive, in the same boot, and started when the stamp says. What a stamp
 * leaves out (an earlier version's record, a start where Linux's /proc is missing) is not held against it.
 */
export function stillRuns(stamp: TProcessStamp): boolean {
  const { pid, boot, started } = stamp;
  return pid > 0 && isAlive(pid) && (boot === undefined || boot === BOOT_ID) && (!started || started === startedAt(pid));
}

/** What a lock file holds: its holder's pid, boot and start. */
const lockText = () => {
  const { pid, boot, started } = ownStamp();
  return `${pid} ${boot} ${started}`;
};

export type TLockClaim = { release: () => void } | { holder: number };

/**
 * Claims `file` if nobody holds it: `release` (which removes it only while it is still this claim), or the live `holder` (0 while its
 * text is being written). A lock whose holder is gone (it died, wrote it before a reboot, is this very pid, which a restarted
 * container reuses, or is a pid the system has since given to a process that started later) is stale and taken over, under a second
 * exclusive file so that two claimants never both remove it (the second would remove the first's new lock).
 */
export function claimLockFile(file: string): TLockClaim {
  mkdirSync(path.dirname(file), { recursive: true });
  const mine = lockText();
  for (;;) {
    if (createExclusive(file, mine)) return { release: () => removeIfHolding(file, mine) };
    const holder = lockHolder(file);
    if (holder === "gone") continue;
    if (holder !== "stale") return { holder };
    if (!takeOverStale(file, mine)) return { holder: 0 };
  }
}

function createExclusive(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { flag: "wx" });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

function removeIfHolding(file: string, text: string): void {
  try {
    if (readFileSync(file, "utf8") === text) rmSync(file, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/** Removes a stale lock, if it is still stale, while holding `<lock>.takeover`; false when another claimant is taking it over. */
function takeOverStale(lock: string, mine: string): boolean {
  const takeover = `${lock}.takeover`;
  if (!createExclusive(takeover, mine)) {
    // One its holder left behind is stale too.
    if (lockHolder(takeover) === "stale") rmSync(takeover, { force: true });
    return false;
  }
  try {
    if (lockHolder(lock) === "stale") rmSync(lock, { force: true });
    return true;
  } finally {
    removeIfHolding(takeover, mine);
  }
}

/** Who holds a lock file: a live pid of this boot, "stale", "gone" (released since), or 0 for the moment its text is being written. */
function lockHolder(file: string): number | "stale" | "gone" {
  try {
    const [pidText = "", boot = "", started = ""] = readFileSync(file, "utf8").split(" ");
    const holder = Number(pidText);
    if (holder > 0) return holder !== process.pid && stillRuns({ pid: holder, boot, started }) ? holder : "stale";
    return Date.now() - statSync(file).mtimeMs > WRITING_MS ? "stale" : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw err;
  }
}
