// The segmented LRU's own rules: values read again are kept apart from values read once, every byte is counted as values come, move
// and go, and a value too large for a share never empties it.
import { describe, expect, it } from "vitest";
import { ByteBudgetLru } from "../../../src/server/cache/byte-budget-lru";

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const kept = (lru: ByteBudgetLru<string>, list: string[]) => list.filter((k) => lru.get(k) !== undefined).length;

describe("ByteBudgetLru", () => {
  it("keeps values read again while new values read once churn what is left of the budget", () => {
    const lru = new ByteBudgetLru<string>(100);
    const popular = keys("p", 8);
    for (const k of popular) lru.set(k, k, 10);
    expect(kept(lru, popular)).toBe(8);
    for (const k of keys("once", 50)) lru.set(k, k, 10);
    expect(kept(lru, popular)).toBe(8);
    // 80 bytes read again leave 20 for the rest: the two newest values read once.
    expect(kept(lru, keys("once", 50))).toBe(2);
  });

  it("keeps a value read again among those when it is stored again, and counts its new size", () => {
    const lru = new ByteBudgetLru<string>(100);
    for (const k of keys("p", 4)) lru.set(k, k, 10);
    expect(kept(lru, keys("p", 4))).toBe(4);
    lru.set("p0", "p0 again", 30);
    for (const k of keys("once", 50)) lru.set(k, k, 10);
    expect(lru.get("p0")).toBe("p0 again");
    // p0's 30 bytes and p1-p3's 30 are held apart; the 40 left hold the four newest values read once.
    expect(kept(lru, keys("p", 4))).toBe(4);
    expect(kept(lru, keys("once", 50))).toBe(4);
  });

  it("counts nothing for values deleted or cleared, from either segment", () => {
    const lru = new ByteBudgetLru<string>(100);
    for (const k of keys("p", 5)) lru.set(k, k, 10);
    expect(kept(lru, keys("p", 5))).toBe(5);
    lru.set("o", "o", 10);
    for (const k of ["p0", "p1", "o"]) lru.delete(k);
    lru.delete("never stored");
    expect([...lru.values()].sort()).toEqual(["p2", "p3", "p4"]);
    // 30 bytes held: seven values of 10 fit beside them, an eighth pushes out the oldest value read once.
    for (const k of keys("n", 7)) lru.set(k, k, 10);
    expect([...lru.values()]).toHaveLength(10);
    lru.set("n7", "n7", 10);
    expect(lru.get("n0")).toBeUndefined();
    expect(kept(lru, ["p2", "p3", "p4"])).toBe(3);
    lru.clear();
    expect([...lru.values()]).toEqual([]);
    for (const k of keys("c", 10)) lru.set(k, k, 10);
    expect(kept(lru, keys("c", 10))).toBe(10);
  });

  it("moves the least recently read values back among those read once when the repeated share is full", () => {
    const lru = new ByteBudgetLru<string>(100);
    const first = keys("a", 8);
    const second = keys("b", 2);
    for (const k of [...first, ...second]) lru.set(k, k, 10);
    expect(kept(lru, first)).toBe(8);
    // a0 and a1, the least recently read, go back among the values read once as b0 and b1 are read again.
    expect(kept(lru, second)).toBe(2);
    lru.set("new", "new", 10);
    expect(lru.get("a0")).toBeUndefined();
    expect(kept(lru, [...first.slice(2), ...second])).toBe(8);
  });

  it("never lets one value larger than the repeated share push the others out of it", () => {
    const lru = new ByteBudgetLru<string>(100);
    lru.set("p", "p", 10);
    expect(lru.get("p")).toBe("p");
    lru.set("big", "big", 85);
    expect(lru.get("big")).toBe("big");
    expect(lru.get("big")).toBe("big");
    // big stays among the values read once, so it, not p, makes room for the next value.
    lru.set("x", "x", 10);
    expect(lru.get("big")).toBeUndefined();
    expect(lru.get("p")).toBe("p");
    // Larger than the whole budget: not stored, and nothing made room for it.
    lru.set("huge", "huge", 101);
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.get("p")).toBe("p");
  });
});
