// `npm start` and `npm run worker` run under a shell, and when npm is stopped (`docker stop`, a process manager signalling its main
// process) npm and the shell exit without passing the signal on: the script was left running, orphaned, with its children.

/**
 * Calls `stop` once, as SIGTERM would, when the process that started this one has exited (Node reads the parent's pid afresh on each
 * `process.ppid`; an orphan is adopted by init or a subreaper). Checked twice a second, on a timer that keeps nothing alive.
 */
export function whenParentExits(stop: (parent: number) => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop(parent);
  }, 500);
  timer.unref();
}
