// Row ids from URLs, forms, cursors and JSON: one rule and one message, which names the range, for every way a value falls outside it.
import { describe, expect, it } from "vitest";
import { ZRowId } from "../../src/core/row-id";

const RANGE = "must be a whole number from 1 to 2147483647";

describe("ZRowId", () => {
  it("reads digits and JSON numbers within PostgreSQL's integer keys", () => {
    expect(ZRowId.parse("1")).toBe(1);
    expect(ZRowId.parse("2147483647")).toBe(2147483647);
    expect(ZRowId.parse(42)).toBe(42);
  });

  it.each([["0"], ["2147483648"], ["99999999999999"], ["9".repeat(400)], ["-1"], ["1.5"], ["x"], [""], [0], [1.5], [2 ** 31], [Number.NaN]])(
    "refuses %j naming the range",
    (value) => {
      expect(ZRowId.safeParse(value).error?.issues.map((i) => i.message)).toEqual([RANGE]);
    },
  );
});
