// The app server's admission: requests start in order of arrival, a slice of work per turn of the event loop, so a busy process still
// turns its loop (and accepts new connections) every few milliseconds; cheap requests share a turn, and one waiting on I/O holds up nothing.
import { afterEach, describe, expect, it } from "vitest";
import { withFairAdmission } from "../../../src/server/http/admit-requests";

/** Counts turns of the event loop: an immediate queued from an immediate runs in the next turn, never the same one. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => (running = false) };
}

function busyFor(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms);
}

let counter: ReturnType<typeof turnCounter> | null = null;
afterEach(() => counter?.stop());

describe("withFairAdmission", () => {
  it("starts every request in the order it arrived and settles as its handler does", async () => {
    const started: string[] = [];
    const handle = withFairAdmission(async (req: string, _res: null) => {
      started.push(req);
      if (req === "fails") throw new Error("handler failed");
    });
    const results = await Promise.allSettled(["a", "fails", "b", "c"].map((req) => handle(req, null)));
    expect(started).toEqual(["a", "fails", "b", "c"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);

    const syncThrow = withFairAdmission((_req: string, _res: null): Promise<void> => {
      throw new Error("not even a promise");
    });
    await expect(syncThrow("x", null)).rejects.toThrow("not even a promise");
  });

  it("lets the event loop turn once a slice's time is spent, before starting more", async () => {
    counter = turnCounter();
    const startedIn: number[] = [];
    const handle = withFairAdmission(async (_req: number, _res: null) => {
      startedIn.push(counter!.now());
      busyFor(5);
    }, 2);
    await Promise.all([1, 2, 3, 4].map((n) => handle(n, null)));
    // Each request outlasts the 2 ms slice, so each starts in a later turn than the one before.
    for (let i = 1; i < startedIn.length; i += 1) expect(startedIn[i]).toBeGreaterThan(startedIn[i - 1]!);
  });

  it("starts cheap requests in the same turn, one after another", async () => {
    counter = turnCounter();
    const startedIn: number[] = [];
    const handle = withFairAdmission(async (_req: number, _res: null) => {
      startedIn.push(counter!.now());
    }, 10_000); // a slice no machine spends on five empty calls, however slow or busy
    await Promise.all([1, 2, 3, 4, 5].map((n) => handle(n, null)));
    expect(new Set(startedIn).size).toBe(1);
  });

  it("does not hold the next request behind one waiting on I/O", async () => {
    counter = turnCounter();
    let release!: () => void;
    const io = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const handle = withFairAdmission(async (req: number, _res: null) => {
      started.push(req);
      if (req === 1) await io;
    });
    const first = handle(1, null);
    const second = handle(2, null);
    await second;
    expect(started).toEqual([1, 2]);
    release();
    await first;
  });
});
