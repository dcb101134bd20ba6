// The benchmarks' pure helpers: percentiles, numeric options, query sets and COPY encodings.
import { describe, expect, it } from "vitest";
import { numberOption, percentile } from "../../../bench/support/bench-stats";
import { csvLine, pgArrayLiteral } from "../../../bench/support/copy-rows";
import { twoWordQueries } from "../../../bench/support/search-queries";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it("handles one value and none", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("numberOption", () => {
  const base = { name: "papers", envName: "BENCH_PAPERS", fallback: 20_000 };

  it("reads --name value, --name=value, then the environment, then the default", () => {
    expect(numberOption({ ...base, argv: ["node", "x", "--papers", "100000"], env: {} })).toBe(100_000);
    expect(numberOption({ ...base, argv: ["--papers=1_000_000"], env: { BENCH_PAPERS: "5" } })).toBe(1_000_000);
    expect(numberOption({ ...base, argv: [], env: { BENCH_PAPERS: "100,000" } })).toBe(100_000);
    expect(numberOption({ ...base, argv: ["--seconds", "3"], env: {} })).toBe(20_000);
  });

  it("refuses what is not a positive number", () => {
    expect(() => numberOption({ ...base, argv: ["--papers", "lots"], env: {} })).toThrow(/--papers/);
    expect(() => numberOption({ ...base, argv: ["--papers=0"], env: {} })).toThrow(/positive/);
    expect(() => numberOption({ ...base, argv: ["--papers"], env: {} })).not.toThrow();
  });
});

describe("twoWordQueries", () => {
  const words = Array.from({ length: 500 }, (_, i) => `word${i}`);

  it("gives the requested number of distinct pairs of two different words", () => {
    const queries = twoWordQueries(words, 300, 11);
    expect(new Set(queries).size).toBe(300);
    for (const q of queries) {
      const [a, b, ...rest] = q.split(" ");
      expect(rest).toEqual([]);
      expect(a).not.toBe(b);
      expect(words).toContain(a);
      expect(words).toContain(b);
    }
  });

  it("is reproducible for a seed and differs between seeds", () => {
    expect(twoWordQueries(words, 50, 3)).toEqual(twoWordQueries(words, 50, 3));
    expect(twoWordQueries(words, 50, 3)).not.toEqual(twoWordQueries(words, 50, 4));
  });

  it("throws when the vocabulary cannot give that many", () => {
    expect(() => twoWordQueries(["a", "b"], 5, 1)).toThrow(/only 2 distinct/);
  });
});

describe("COPY encodings", () => {
  it("quotes every array element, escaping quotes and backslashes", () => {
    expect(pgArrayLiteral([])).toBe("{}");
    expect(pgArrayLiteral(["Ada Lovelace", 'O"Brien', "a\\b", "NULL", "x,y"])).toBe('{"Ada Lovelace","O\\"Brien","a\\\\b","NULL","x,y"}');
  });

  it("writes null as an empty unquoted field and doubles quotes inside fields", () => {
    expect(csvLine(["a", null, "", 'say "hi"', "two\nlines"])).toBe('"a",,"","say ""hi""","two\nlines"\n');
  });
});
