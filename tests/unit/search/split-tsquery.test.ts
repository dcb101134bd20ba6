// splitTopLevelOr: top-level alternatives of PostgreSQL's tsquery text, with quotes and groups kept whole.
import { describe, expect, it } from "vitest";
import { requiredAdjacentPairs, splitTopLevelOr } from "@/core/search";

describe("splitTopLevelOr", () => {
  it("splits at top-level ORs only", () => {
    expect(splitTopLevelOr("'auto-grad' <-> 'auto' <-> 'grade' | 'modular' & !'robot'")).toEqual(["'auto-grad' <-> 'auto' <-> 'grade'", "'modular' & !'robot'"]);
    expect(splitTopLevelOr("'a' & ( 'b' | 'c' ) | !( 'd' <-> 'e' )")).toEqual(["'a' & ( 'b' | 'c' )", "!( 'd' <-> 'e' )"]);
  });

  it("keeps quoted lexemes whole, including escaped quotes and bars", () => {
    expect(splitTopLevelOr("'it''s' | 'a|b' & 'c'")).toEqual(["'it''s'", "'a|b' & 'c'"]);
  });

  it("returns a single alternative or none", () => {
    expect(splitTopLevelOr("'art'")).toEqual(["'art'"]);
    expect(splitTopLevelOr("")).toEqual([]);
  });
});

describe("requiredAdjacentPairs", () => {
  it("takes the adjacent lexemes of phrases and hyphenated words in top-level AND terms", () => {
    expect(requiredAdjacentPairs("'actual' <-> 'addit'")).toEqual([["actual", "addit"]]);
    expect(requiredAdjacentPairs("'billion-paramet' <-> 'billion' <-> 'paramet' <-> 'system' & 'agent'")).toEqual([
      ["billion-paramet", "billion"],
      ["billion", "paramet"],
      ["paramet", "system"],
    ]);
  });

  it("skips pairs a stopword gap separates, and words that are not in a phrase", () => {
    expect(requiredAdjacentPairs("'state' <3> 'art' <-> 'model' & 'graph'")).toEqual([["art", "model"]]);
    expect(requiredAdjacentPairs("'graph' & 'neural'")).toEqual([]);
  });

  it("never requires pairs from negated, grouped, weighted or prefix terms", () => {
    expect(requiredAdjacentPairs("!( 'foo' <-> 'bar' ) & 'x'")).toEqual([]);
    expect(requiredAdjacentPairs("'a' <-> ( 'b' | 'c' )")).toEqual([]);
    expect(requiredAdjacentPairs("'a':A <-> 'b'")).toEqual([]);
    expect(requiredAdjacentPairs("'a':* <-> 'b'")).toEqual([]);
    expect(requiredAdjacentPairs("!'a' <-> 'b'")).toEqual([]);
  });

  it("unescapes quotes and backslashes as PostgreSQL prints them", () => {
    expect(requiredAdjacentPairs("'it''s' <-> 'a\\\\b'")).toEqual([["it's", "a\\b"]]);
  });
});
