// cachePerObject: one build per key object, null results included.
import { describe, expect, it } from "vitest";
import { cachePerObject } from "@/core/digest";

describe("cachePerObject", () => {
  it("builds once per key object and returns the same value after", () => {
    let builds = 0;
    const lengthOf = cachePerObject((key: { text: string }) => {
      builds += 1;
      return key.text.length > 3 ? key.text.length : null;
    });
    const long = { text: "abcdef" };
    const short = { text: "ab" };
    expect([lengthOf(long), lengthOf(long), lengthOf(short), lengthOf(short)]).toEqual([6, 6, null, null]);
    expect(builds).toBe(2);
    expect(lengthOf({ text: "abcdef" })).toBe(6);
    expect(builds).toBe(3);
  });
});
