// jsonValue builds what a JSON round trip gives, so page props and audit parameters read the same as when they went through text.
import fc from "fast-check";
import { expect, it } from "vitest";
import { jsonValue } from "@/core/json-value";
import "./property-seed";

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value) ?? "null") as unknown;

it("gives what JSON.parse(JSON.stringify(x)) gives, for any value JSON can write", () => {
  const any = fc.anything({ withDate: true, withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withObjectString: true });
  fc.assert(
    fc.property(any, (value) => {
      expect(jsonValue(value) ?? null).toEqual(roundTrip(value));
    }),
  );
});

it("drops undefined fields, writes null for undefined in arrays, dates as ISO strings and NaN, Infinity and -0 as JSON does", () => {
  const at = new Date("2026-12-03T07:00:00Z");
  const value = { a: undefined, b: [undefined, () => 1, Symbol("s")], c: at, d: NaN, e: -Infinity, f: -0, g: { toJSON: (key: string) => `key ${key}` } };
  expect(jsonValue(value)).toEqual({ b: [null, null, null], c: "2026-12-03T07:00:00.000Z", d: null, e: null, f: 0, g: "key g" });
  expect(Object.is((jsonValue(value) as { f: number }).f, 0)).toBe(true);
  expect(() => jsonValue({ n: 1n })).toThrow(TypeError);
});
