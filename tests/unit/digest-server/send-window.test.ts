// The send window never runs more than its size at once, serves waiters in order, and frees a slot when a task fails.
import { describe, expect, it } from "vitest";
import { createSendWindow } from "@/server/digest/send-window";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createSendWindow", () => {
  it("runs at most `size` tasks at a time, the rest in the order they came", async () => {
    const window = createSendWindow(3);
    const gates: (() => void)[] = [];
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const done = Array.from({ length: 10 }, (_, i) =>
      window.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++active);
        await new Promise<void>((resolve) => gates.push(resolve));
        active -= 1;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (started.length < 10 || gates.length > 0) {
      gates.shift()?.();
      await tick();
    }
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it("frees the slot of a task that throws", async () => {
    const window = createSendWindow(1);
    await expect(
      window.run(async () => {
        throw new Error("smtp down");
      }),
    ).rejects.toThrow("smtp down");
    await expect(window.run(async () => "next")).resolves.toBe("next");
  });
});
