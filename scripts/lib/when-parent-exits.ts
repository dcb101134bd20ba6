// `npm start` and `npm run worker` run under a shell, and when npm is stopped (`docker stop`, a process manager signalling its main
// process) npm and the shell exit without passing the signal on: the script was left running, orphaned, with its children.
import { commandLineOf, statFields } from "../../src/server/process/proc-files";

/** How a process is seen: its parent's pid, another process's parent and command line (null once it is gone or unreadable). */
export type TProcessView = {
  ppid: () => number;
  parentOf: (pid: number) => number | null;
  commandOf: (pid: number) => string | null;
};

/** Linux's /proc; elsewhere only `process.ppid` is read, and npm's own exit is seen through the shell's. */
const PROC: TProcessView = {
  ppid: () => process.ppid,
  parentOf: (pid) => {
    const ppid = Number(statFields(pid)?.[1]);
    return Number.isInteger(ppid) ? ppid : null;
  },
  commandOf: commandLineOf,
};

/** npm's command line (`npm start`, `node …/npm-cli.js run worker`), as opposed to a shell or a terminal. */
const NPM_COMMAND = /(?:^|[\s/])npm(?:-cli\.js)?(?:\s|$)/;

/**
 * Calls `stop` once, as SIGTERM would, when the process that started this one has exited (Node reads the parent's pid afresh on each
 * `process.ppid`; an orphan is adopted by init or a subreaper), or, under npm, when npm has: a process manager that kills npm alone
 * (pm2 sends SIGINT, which dash holds while it waits for its child, then SIGKILL) left the shell between them waiting and this
 * process serving on. Checked twice a second, on a timer that keeps nothing alive.
 */
export function whenParentExits(stop: (parent: number) => void, opts: { watchNpm?: boolean; view?: TProcessView; intervalMs?: number } = {}): void {
  const { view = PROC, intervalMs = 500 } = opts;
  const parent = view.ppid();
  // Only the process npm's script runs watches npm: the web server, a child of `npm start`, has npm as its grandparent where the
  // script shell is bash (which execs the command), and stopping on its own it was reported as a crash of the web server.
  const grandparent = opts.watchNpm ? view.parentOf(parent) : null;
  const npm = grandparent !== null && NPM_COMMAND.test(view.commandOf(grandparent) ?? "") ? grandparent : null;
  const timer = setInterval(() => {
    // A parent whose own parent cannot be read now is taken as unchanged: only a pid read afresh says npm has gone.
    const parentsParent = npm === null ? null : view.parentOf(parent);
    if (view.ppid() === parent && (parentsParent === null || parentsParent === npm)) return;
    clearInterval(timer);
    stop(view.ppid() === parent && npm !== null ? npm : parent);
  }, intervalMs);
  timer.unref();
}
