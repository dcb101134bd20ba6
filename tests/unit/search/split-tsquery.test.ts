// splitTopLevelOr: top-level alternatives of PostgreSQL's tsquery text, with quotes and groups kept whole.
import { describe, expect, it } from "vitest";
import { splitTopLevelOr } from "@/core/search";

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
