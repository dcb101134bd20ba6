// Reading PostgreSQL's tsquery text: top-level OR alternatives, the adjacent word pairs a phrase needs, hyphenated words folded.
import { describe, expect, it } from "vitest";
import {
  allOfLexemes,
  foldHyphenatedWords,
  requiredAdjacentPairs,
  requiredPairLexemes,
  requiresAWord,
  splitTopLevelOr,
  standaloneLexemes,
} from "@/core/search";

describe("splitTopLevelOr", () => {
  it("splits at top-level ORs only", () => {
    expect(splitTopLevelOr("'auto-grad' <-> 'auto' <-> 'grade' | 'modular' & !'robot'")).toEqual([
      "'auto-grad' <-> 'auto' <-> 'grade'",
      "'modular' & !'robot'",
    ]);
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

describe("requiredPairLexemes", () => {
  it("gives each lexeme of the required pairs once, as printed, so each is a tsquery of that word alone", () => {
    expect(requiredPairLexemes("'core' <-> 'taxonomi' & 'graph'")).toEqual([
      { lexeme: "core", printed: "'core'" },
      { lexeme: "taxonomi", printed: "'taxonomi'" },
    ]);
    expect(requiredPairLexemes("'it''s' <-> 'it''s' <-> 'a\\\\b'")).toEqual([
      { lexeme: "it's", printed: "'it''s'" },
      { lexeme: "a\\b", printed: "'a\\\\b'" },
    ]);
  });

  it("leaves out words no pair requires: a stopword gap, a negated or grouped phrase, words outside phrases", () => {
    expect(requiredPairLexemes("'state' <3> 'art' <-> 'model'")).toEqual([
      { lexeme: "art", printed: "'art'" },
      { lexeme: "model", printed: "'model'" },
    ]);
    expect(requiredPairLexemes("!( 'foo' <-> 'bar' ) & 'x'")).toEqual([]);
    expect(requiredPairLexemes("'graph' & 'neural'")).toEqual([]);
  });
});

describe("foldHyphenatedWords", () => {
  it("folds a hyphenated word's phrase to its compound lexeme", () => {
    expect(foldHyphenatedWords("'auto-grad' <-> 'auto' <-> 'grade'")).toBe("'auto-grad'");
    expect(foldHyphenatedWords("!( 'billion-paramet' <-> 'billion' <-> 'paramet' ) & 'agent'")).toBe("! ( 'billion-paramet' ) & 'agent'");
    expect(foldHyphenatedWords("'auto-grad' <-> 'auto' <-> 'grade' | 'modular' & !'robot'")).toBe("'auto-grad' | 'modular' & ! 'robot'");
  });

  it("carries the parts' distance over to the next word of a phrase, stopword gaps included", () => {
    expect(foldHyphenatedWords("'billion-paramet' <-> 'billion' <-> 'paramet' <-> 'system'")).toBe("'billion-paramet' <3> 'system'");
    expect(foldHyphenatedWords("'x' <-> 'on-the-fli' <3> 'fli' <-> 'updat'")).toBe("'x' <-> 'on-the-fli' <4> 'updat'");
    expect(foldHyphenatedWords("'state-of' <-> 'state' <2> 'model'")).toBe("'state-of' <3> 'model'");
  });

  it("leaves hosts, paths, signed numbers and other lexemes alone", () => {
    expect(foldHyphenatedWords("'example-site.com' <-> 'model'")).toBe("'example-site.com' <-> 'model'");
    expect(foldHyphenatedWords("'-5' <-> 'x'")).toBe("'-5' <-> 'x'");
    expect(foldHyphenatedWords("'actual' <-> 'addit' & 'graph'")).toBe("'actual' <-> 'addit' & 'graph'");
    expect(foldHyphenatedWords("'a-b':* <-> 'a' <-> 'b'")).toBe("'a-b':* <-> 'a' <-> 'b'");
  });
});

describe("requiresAWord", () => {
  it('is false when every lexeme is negated, as websearch_to_tsquery writes -word and -"a phrase"', () => {
    expect(requiresAWord("!'step'")).toBe(false);
    expect(requiresAWord("!'step' & !'math'")).toBe(false);
    expect(requiresAWord("!( 'billion-paramet' <-> 'billion' <-> 'paramet' )")).toBe(false);
    expect(requiresAWord("!( 'a' <-> 'b' ) & !'c'")).toBe(false);
    expect(requiresAWord("")).toBe(false);
  });

  it("is true when some lexeme stands outside every negation", () => {
    expect(requiresAWord("'accel' & !( 'billion-paramet' <-> 'billion' <-> 'paramet' )")).toBe(true);
    expect(requiresAWord("!'step' & 'math'")).toBe(true);
    expect(requiresAWord("!( 'a' <-> 'b' ) & 'c' <-> 'd'")).toBe(true);
    expect(requiresAWord("'it''s'")).toBe(true);
  });
});

describe("standaloneLexemes", () => {
  it("keeps the words that stand alone beside a phrase, as printed", () => {
    expect(standaloneLexemes("'larg' <-> 'languag' & 'zebra'")).toBe("'zebra'");
    expect(standaloneLexemes("'auto-grad' & 'larg' <-> 'model' & 'it''s' & 'graph':*")).toBe("'auto-grad' & 'it''s' & 'graph':*");
  });

  it("gives none for a phrase alone, negated words or groups", () => {
    expect(standaloneLexemes("'larg' <-> 'languag'")).toBeNull();
    expect(standaloneLexemes("'larg' <-> 'languag' & !'zebra'")).toBeNull();
    expect(standaloneLexemes("'larg' <-> 'languag' & ( 'a' | 'b' )")).toBeNull();
  });
});

describe("allOfLexemes", () => {
  it("reads the lexemes of a query that only asks for all of them", () => {
    expect(allOfLexemes("'graph' & 'neural' & 'it''s'")).toEqual(["graph", "neural", "it's"]);
    expect(allOfLexemes("'auto-grad' & 'model'")).toEqual(["auto-grad", "model"]);
    expect(allOfLexemes("'zebra'")).toEqual(["zebra"]);
  });

  it("gives none for anything else: a phrase, an OR, a negation, a group, a prefix or weighted lexeme", () => {
    for (const query of ["'larg' <-> 'languag'", "'a' | 'b'", "'a' & !'b'", "'a' & ( 'b' | 'c' )", "'graph':*", "'graph':A & 'b'"]) {
      expect(allOfLexemes(query), query).toBeNull();
    }
  });
});
