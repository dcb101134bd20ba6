// A search of words estimated as PostgreSQL's planner estimates it (tsmatchsel over the statistics' most common lexemes), and the words as its english configuration reads them.
import { describe, expect, it } from "vitest";
import { estimatedMatches, isPlainWords, plainWordLexemes, rarePhraseWord, requiredPairLexemes, type TLexemeStatistics } from "@/core/search";

const stats: TLexemeStatistics = {
  rows: 100_000,
  frequencies: new Map([
    ["graph", 0.2],
    ["neural", 0.05],
  ]),
  minFrequency: 0.004,
  nullFraction: 0,
};

describe("estimatedMatches", () => {
  it("multiplies the listed lexemes' frequencies over the rows", () => {
    expect(estimatedMatches(stats, ["graph"])).toBe(20_000);
    expect(estimatedMatches(stats, ["graph", "neural"])).toBe(1_000);
    // The planner does not merge a repeated word: each counts again.
    expect(estimatedMatches(stats, ["graph", "graph"])).toBe(4_000);
  });

  it("takes an unlisted lexeme as half the least listed frequency, at most 0.005", () => {
    expect(estimatedMatches(stats, ["zebra"])).toBe(200);
    expect(estimatedMatches({ ...stats, minFrequency: 0.02 }, ["zebra"])).toBe(500);
  });

  it("counts only rows with a document, rounds, and never says fewer than one", () => {
    expect(estimatedMatches({ ...stats, nullFraction: 0.5 }, ["graph"])).toBe(10_000);
    expect(estimatedMatches(stats, ["zebra", "zebra", "zebra"])).toBe(1);
    expect(estimatedMatches(stats, [])).toBe(1);
  });
});

describe("rarePhraseWord", () => {
  it("gives the rarest word of the phrases, as printed, when few enough documents hold it", () => {
    expect(rarePhraseWord(requiredPairLexemes("'graph' <-> 'neural'"), stats, 0.1)).toBe("'neural'");
    // An unlisted word is taken as half the least listed frequency: rarer than any listed one.
    expect(rarePhraseWord(requiredPairLexemes("'graph' <-> 'zebra' <-> 'neural'"), stats, 0.1)).toBe("'zebra'");
    expect(rarePhraseWord(requiredPairLexemes("'it''s' <-> 'graph'"), stats, 0.1)).toBe("'it''s'");
  });

  it("gives none when every phrase word is common, or when no word is in a phrase", () => {
    expect(rarePhraseWord(requiredPairLexemes("'graph' <-> 'neural'"), stats, 0.01)).toBeNull();
    expect(rarePhraseWord(requiredPairLexemes("'zebra' & 'neural'"), stats, 0.1)).toBeNull();
    expect(rarePhraseWord(requiredPairLexemes("!( 'zebra' <-> 'neural' ) & 'graph'"), stats, 0.1)).toBeNull();
  });
});

describe("plainWordLexemes", () => {
  it("stems words, leaves stopwords out and only lowercases words with digits", () => {
    expect(plainWordLexemes("The Running Models of GPT4 in 2024")).toEqual(["run", "model", "gpt4", "2024"]);
    expect(plainWordLexemes("the of")).toEqual([]);
  });

  it("is for plain words only: no punctuation, hyphen, quote or OR", () => {
    expect(isPlainWords("graph neural networks 2024")).toBe(true);
    expect(isPlainWords("Überblick modèles")).toBe(true);
    for (const text of ["graph-neural", '"graph neural"', "graph OR neural", "graph, neural", "-graph"]) expect(isPlainWords(text), text).toBe(false);
  });
});
