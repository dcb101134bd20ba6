// npm start under a process manager that kills npm alone (pm2: SIGINT, which dash holds while it waits, then SIGKILL) left the shell
// between npm and the app waiting, and the app serving on as an orphan's child.
import { afterEach, describe, expect, it, vi } from "vitest";
import { whenParentExits, type TProcessView } from "../../../scripts/lib/when-parent-exits";

/** A process tree: each pid's parent and command line; `me` is this process's parent pid. */
function tree(parents: Record<number, number>, commands: Record<number, string>, me: { ppid: number }): TProcessView {
  return { ppid: () => me.ppid, parentOf: (pid) => parents[pid] ?? null, commandOf: (pid) => commands[pid] ?? null };
}

afterEach(() => vi.useRealTimers());

describe("whenParentExits", () => {
  it("stops when npm exits though the shell between them stays", () => {
    vi.useFakeTimers();
    const parents: Record<number, number> = { 20: 10, 10: 1 };
    const stop = vi.fn();
    whenParentExits(stop, { watchNpm: true, view: tree(parents, { 10: "npm start", 20: "sh -c node scripts/run.mjs start" }, { ppid: 20 }), intervalMs: 500 });
    vi.advanceTimersByTime(2_000);
    expect(stop).not.toHaveBeenCalled();
    parents[20] = 1; // npm killed: init adopts the shell, which waits on for this process
    vi.advanceTimersByTime(500);
    expect(stop).toHaveBeenCalledExactlyOnceWith(10);
    vi.advanceTimersByTime(5_000);
    expect(stop).toHaveBeenCalledOnce();
  });

  it("stops when the shell itself exits, as before", () => {
    vi.useFakeTimers();
    const me = { ppid: 20 };
    const stop = vi.fn();
    whenParentExits(stop, {
      watchNpm: true,
      view: tree({ 20: 10, 10: 1 }, { 10: "node /usr/lib/node_modules/npm/bin/npm-cli.js run worker" }, me),
      intervalMs: 500,
    });
    me.ppid = 1;
    vi.advanceTimersByTime(500);
    expect(stop).toHaveBeenCalledExactlyOnceWith(20);
  });

  it("does not watch a grandparent that is not npm: a shell under nohup outlives the terminal that started it, by design", () => {
    vi.useFakeTimers();
    const parents: Record<number, number> = { 20: 10, 10: 1 };
    const stop = vi.fn();
    whenParentExits(stop, { watchNpm: true, view: tree(parents, { 10: "-bash", 20: "sh -c node scripts/run.mjs start" }, { ppid: 20 }), intervalMs: 500 });
    parents[20] = 1;
    vi.advanceTimersByTime(5_000);
    expect(stop).not.toHaveBeenCalled();
  });

  it("watches npm only when asked: the web server, a child of npm start, leaves that to its parent", () => {
    vi.useFakeTimers();
    const parents: Record<number, number> = { 20: 10, 10: 1 };
    const stop = vi.fn();
    whenParentExits(stop, { view: tree(parents, { 10: "npm start" }, { ppid: 20 }), intervalMs: 500 });
    parents[20] = 1;
    vi.advanceTimersByTime(5_000);
    expect(stop).not.toHaveBeenCalled();
  });

  it("reads an unreadable grandparent as unchanged, not as gone", () => {
    vi.useFakeTimers();
    const parents: Record<number, number> = { 20: 10, 10: 1 };
    const stop = vi.fn();
    whenParentExits(stop, { watchNpm: true, view: tree(parents, { 10: "npm start" }, { ppid: 20 }), intervalMs: 500 });
    delete parents[20];
    vi.advanceTimersByTime(5_000);
    expect(stop).not.toHaveBeenCalled();
  });
});
